package com.ecolaura.caching.codec;

import java.lang.System.Logger.Level;

/** Reports cache entries that were not a value of the expected type (CacheMetrics counts them). */
public final class RejectedEntries {

    private static final System.Logger LOG = System.getLogger(RejectedEntries.class.getName());

    private RejectedEntries() {}

    public static void record(String cacheName, String key, RejectedEntryException reason) {
        LOG.log(Level.WARNING, "rejected and evicted cache entry {0}[{1}]: {2}", cacheName, key, reason.getMessage());
    }
}
