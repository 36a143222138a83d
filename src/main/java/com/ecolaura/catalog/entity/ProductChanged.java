package com.ecolaura.catalog.entity;

/**
 * A product was created, updated or deleted; fired inside the writing transaction. {@code matchingChanged}:
 * the change can alter which searches find the product or in what order (text, category, score,
 * price, or the product's existence). {@code detailsChanged}: a stable field changed, not only
 * price or stock. {@code previousVersion} is -1 for a new product.
 */
public record ProductChanged(
        long productId, long previousVersion, Kind kind, boolean matchingChanged, boolean detailsChanged) {

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }
}
