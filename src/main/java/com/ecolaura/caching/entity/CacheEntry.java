package com.ecolaura.caching.entity;

/**
 * A cached value with what its freshness depends on: when it was computed, how long that took
 * (XFetch's delta) and until when it is fresh; after that it is stale, and from {@code expiresAt}
 * on (when Redis drops it) it is gone. An entry that does not say when it expires
 * ({@link #EXPIRY_NOT_RECORDED}: written through the JCache API, or before entries said it) has its
 * expiry in Redis only.
 */
public record CacheEntry(Object value, long computedAt, long computeMillis, long freshUntil, long expiresAt) {

    public static final long EXPIRY_NOT_RECORDED = 0;

    /** A value given without a lifetime: fresh for good, its expiry Redis's. */
    public CacheEntry(Object value, long computedAt, long computeMillis, long freshUntil) {
        this(value, computedAt, computeMillis, freshUntil, EXPIRY_NOT_RECORDED);
    }

    public boolean isFresh(long nowMillis) {
        return nowMillis < freshUntil;
    }

    public boolean expiryRecorded() {
        return expiresAt != EXPIRY_NOT_RECORDED;
    }

    /** Past its recorded expiry: Redis may not have dropped it yet, but it must not be served. */
    public boolean hasExpired(long nowMillis) {
        return expiryRecorded() && expiresAt <= nowMillis;
    }
}
