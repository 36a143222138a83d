package com.ecolaura.catalog.control;

import com.ecolaura.catalog.entity.Product;
import java.math.BigDecimal;
import java.util.List;

/** What decides whether a search finds a product and where it ranks it; equal before and after: no search moves. */
record SearchRelevance(
        String name,
        String description,
        String brand,
        List<String> materials,
        String category,
        int ecoScore,
        BigDecimal price) {

    static SearchRelevance of(Product product) {
        return new SearchRelevance(
                product.getName(),
                product.getDescription(),
                product.getBrand(),
                List.copyOf(product.getMaterials()),
                product.getCategory().getSlug(),
                product.getEcoScore(),
                product.getPrice() == null ? null : product.getPrice().stripTrailingZeros());
    }
}
