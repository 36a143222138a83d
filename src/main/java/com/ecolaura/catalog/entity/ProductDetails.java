package com.ecolaura.catalog.entity;

import java.math.BigDecimal;
import java.util.List;

/**
 * The stable part of a product: what describes it, changed by editors now and then (the
 * {@code product-details} cache, long-lived). Its score follows from these fields alone.
 */
public record ProductDetails(
        long id,
        String sku,
        String name,
        String description,
        String category,
        String brand,
        List<String> materials,
        List<String> certifications,
        BigDecimal carbonFootprintKg,
        int recycledContentPercent,
        Packaging packaging,
        String originCountry,
        int ecoScore) {

    /** Whether the two describe the product alike (2.0 kg and 2.000 kg are alike: the column keeps three decimals). */
    public boolean sameAs(ProductDetails other) {
        return normalized().equals(other.normalized());
    }

    private ProductDetails normalized() {
        return new ProductDetails(
                id,
                sku,
                name,
                description,
                category,
                brand,
                materials,
                certifications,
                carbonFootprintKg == null ? null : carbonFootprintKg.stripTrailingZeros(),
                recycledContentPercent,
                packaging,
                originCountry,
                ecoScore);
    }

    public static ProductDetails of(Product product) {
        return new ProductDetails(
                product.getId() == null ? -1 : product.getId(),
                product.getSku(),
                product.getName(),
                product.getDescription(),
                product.getCategory() == null ? null : product.getCategory().getSlug(),
                product.getBrand(),
                List.copyOf(product.getMaterials()),
                List.copyOf(product.getCertifications()),
                product.getCarbonFootprintKg(),
                product.getRecycledContentPercent(),
                product.getPackaging(),
                product.getOriginCountry(),
                product.getEcoScore());
    }
}
