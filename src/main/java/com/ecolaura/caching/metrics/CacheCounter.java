package com.ecolaura.caching.metrics;

/** A counter every cache has, exported as {@code ecolaura_cache_<name>_total{cache="…"}}; registered at 0 at start. */
public enum CacheCounter {
    HITS("hits", "Reads served from the cache while fresh"),
    STALE_HITS("stale.hits", "Reads served stale while one background refresh ran"),
    MISSES("misses", "Reads that found nothing usable"),
    PUTS("puts", "Values written"),
    REMOVALS("removals", "Entries evicted by the application"),
    CLEARS("clears", "Whole-cache evictions"),
    ERRORS("errors", "Redis calls that failed (served without the cache)"),
    LOADS("loads", "Values computed on a miss"),
    REFRESHES("refreshes", "Values recomputed in the background (stale or early)"),
    COALESCED("coalesced", "Misses served by another caller's computation (single flight)"),
    LOCK_WAIT_TIMEOUTS("lock.wait.timeouts", "Misses that stopped waiting for another caller and computed"),
    REJECTED_ENTRIES("rejected.entries", "Entries that were not a value of the expected type (evicted)"),
    FENCED_PUTS("fenced.puts", "Computed values discarded because an eviction crossed them"),
    NEAR_HITS("near.hits", "Hits served from this instance's near cache, without Redis (included in hits)"),
    NEAR_INVALIDATIONS("near.invalidations", "Near-cache entries or caches dropped by an invalidation"),
    TRIMMED("trimmed", "Entries evicted, least recently used first, to keep the cache within its entry cap"),
    SKIPPED("skipped", "Cache calls not tried because the Redis circuit was open (served without the cache)");

    final String name;
    final String description;

    CacheCounter(String name, String description) {
        this.name = name;
        this.description = description;
    }
}
