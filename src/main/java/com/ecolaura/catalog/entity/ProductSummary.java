package com.ecolaura.catalog.entity;

import java.math.BigDecimal;

/** A product in a list: enough to show a tile and link to its detail. */
public record ProductSummary(
        long id,
        String sku,
        String name,
        String category,
        String brand,
        BigDecimal price,
        String currency,
        int stock,
        int ecoScore,
        String imageUrl) {

    public static ProductSummary of(Product product) {
        return new ProductSummary(
                product.getId(),
                product.getSku(),
                product.getName(),
                product.getCategory().getSlug(),
                product.getBrand(),
                product.getPrice(),
                product.getCurrency(),
                product.getStock(),
                product.getEcoScore(),
                ProductImage.url(
                        product.getId(),
                        product.getName(),
                        product.getCategory().getSlug(),
                        product.getEcoScore()));
    }
}
