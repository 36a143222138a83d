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
        String imageUrl,
        long version,
        Instant updatedAt) {

    public static ProductView of(Product product) {
        return of(ProductDetails.of(product), ProductOffer.of(product));
    }

    /** The whole product from its two parts (the field caches hold them apart). */
    public static ProductView of(ProductDetails details, ProductOffer offer) {
        return new ProductView(
                details.id(),
                details.sku(),
                details.name(),
                details.description(),
                details.category(),
                details.brand(),
                offer.price(),
                offer.currency(),
                offer.stock(),
                details.materials(),
                details.certifications(),
                details.carbonFootprintKg(),
                details.recycledContentPercent(),
                details.packaging(),
                details.originCountry(),
                details.ecoScore(),
                ProductImage.url(details),
                offer.version(),
                offer.updatedAt());
    }
}
