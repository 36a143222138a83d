package com.ecolaura.caching.policy;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.expiry.ExpiryPolicy;

/**
 * Gives each put its own TTL (jittered, plus its stale window). Redisson asks the cache's expiry
 * policy for the TTL inside {@code put}, on the calling thread, which is where the caller left it.
 */
public final class EntryTtl implements ExpiryPolicy, Serializable {

    private static final ThreadLocal<Duration> NEXT = new ThreadLocal<>();

    private final javax.cache.expiry.Duration fallback;

    public EntryTtl(Duration fallback) {
        this.fallback = jcache(fallback);
    }

    /** The TTL of the next put on this thread. */
    public static void next(Duration ttl) {
        NEXT.set(ttl);
    }

    public static void clear() {
        NEXT.remove();
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForCreation() {
        return current();
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForUpdate() {
        return current();
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForAccess() {
        return null;
    }

    private javax.cache.expiry.Duration current() {
        Duration next = NEXT.get();
        return next == null ? fallback : jcache(next);
    }

    private static javax.cache.expiry.Duration jcache(Duration ttl) {
        return new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, Math.max(1, ttl.toMillis()));
    }
}
