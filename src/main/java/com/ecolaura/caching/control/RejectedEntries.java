package com.ecolaura.caching.control;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/** Counts and reports cache entries that were not a value of the expected type. */
public final class RejectedEntries {

    private static final System.Logger LOG = System.getLogger(RejectedEntries.class.getName());
    private static final AtomicLong rejected = new AtomicLong();

    private RejectedEntries() {}

    static void record(String cacheName, String key, RejectedEntryException reason) {
        rejected.incrementAndGet();
        LOG.log(Level.WARNING, "rejected and evicted cache entry {0}[{1}]: {2}", cacheName, key, reason.getMessage());
    }

    public static long count() {
        return rejected.get();
    }
}
