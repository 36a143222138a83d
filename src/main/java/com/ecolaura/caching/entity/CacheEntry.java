package com.ecolaura.caching.entity;

/**
 * A cached value with what its freshness depends on: when it was computed, how long that took
 * (XFetch's delta) and until when it is fresh; after that, and until Redis drops it, it is stale.
 */
public record CacheEntry(Object value, long computedAt, long computeMillis, long freshUntil) {

    public boolean isFresh(long nowMillis) {
        return nowMillis < freshUntil;
    }
}
