package com.ecolaura.catalog.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The volatile part of a product: what it costs and how many are left, and the version and time of
 * its last change (every write changes those). The {@code product-offers} cache, short-lived.
 */
public record ProductOffer(long id, BigDecimal price, String currency, int stock, long version, Instant updatedAt) {

    public static ProductOffer of(Product product) {
        return new ProductOffer(
                product.getId(),
                product.getPrice(),
                product.getCurrency(),
                product.getStock(),
                product.getVersion(),
                product.getUpdatedAt());
    }
}
