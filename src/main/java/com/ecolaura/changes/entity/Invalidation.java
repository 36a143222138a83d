package com.ecolaura.changes.entity;

/** What one changed row makes stale in the caches. */
public sealed interface Invalidation {

    /** A product was inserted, updated or deleted; {@code version} is its new version, -1 when unknown (deleted). */
    record Product(long id, long version, StreamEvent.Kind kind) implements Invalidation {}

    record Profile(String userId) implements Invalidation {}

    /**
     * Everything a table feeds, cleared: a reference table changed (every product's view or score
     * may show it), or a change could not be mapped (truncate, a column or table it does not know).
     */
    record Table(String table, String reason, boolean unmapped) implements Invalidation {}
}
