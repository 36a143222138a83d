package com.ecolaura.catalog.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product as the API shows it (and as the {@code products} cache holds it). */
public record ProductView(
        long id,
        String sku,
        String name,
        String description,
        String category,
        String brand,
        BigDecimal price,
        String currency,
        int stock,
        List<String> materials,
        List<String> certifications,
        BigDecimal carbonFootprintKg,
        int recycledContentPercent,
        Packaging packaging,
        String originCountry,
        int ecoScore,
        long version,
        Instant updatedAt) {

    public static ProductView of(Product product) {
        return new ProductView(
                product.getId(),
                product.getSku(),
                product.getName(),
                product.getDescription(),
                product.getCategory().getSlug(),
                product.getBrand(),
                product.getPrice(),
                product.getCurrency(),
                product.getStock(),
                List.copyOf(product.getMaterials()),
                List.copyOf(product.getCertifications()),
                product.getCarbonFootprintKg(),
                product.getRecycledContentPercent(),
                product.getPackaging(),
                product.getOriginCountry(),
                product.getEcoScore(),
                product.getVersion(),
                product.getUpdatedAt());
    }
}
