package com.ecolaura.caching.store;

import com.ecolaura.caching.entity.CacheEntry;

/** What asking for the right to compute a missing value gave. */
public sealed interface Lease {

    /** Another caller had computed it meanwhile: here it is. */
    record Cached(CacheEntry entry) implements Lease {}

    /**
     * This caller computes, and writes with {@link CacheStore#putComputed} (or gives the lease back
     * with {@link CacheStore#release}). {@code clock} and {@code leasedAt} fence the write; the near
     * cache's version, read before the lease, guards its fill.
     */
    record Granted(String cacheName, String key, String token, long clock, long leasedAt, long nearVersion)
            implements Lease {}

    /** Another caller is computing it. */
    record Held() implements Lease {}

    /** Redis cannot coordinate anyone now: compute, and write nothing (what Redis holds may be stale). */
    record Unavailable() implements Lease {}

    Lease HELD = new Held();
    Lease UNAVAILABLE = new Unavailable();
}
