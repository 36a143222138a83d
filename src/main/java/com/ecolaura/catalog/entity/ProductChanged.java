package com.ecolaura.catalog.entity;

/** A product was created, updated or deleted; fired inside the writing transaction. */
public record ProductChanged(long productId, Kind kind) {

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }
}
