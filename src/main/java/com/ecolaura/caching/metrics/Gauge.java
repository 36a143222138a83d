package com.ecolaura.caching.metrics;

/** The gauges, exported as {@code ecolaura_cache_<name>} ({@link CacheMetrics#gauge}); each is read when scraped. */
public enum Gauge {
    NEAR_LISTENING(
            "near.listening", "1 while this instance's near cache is in use (subscribed to invalidations), else 0"),
    NEAR_LAG(
            "near.lag.seconds",
            "Age of the latest pulse back from the invalidation channel; near entries are served while it is"
                    + " within ecolaura.cache.near.max-lag (while near reads are tried; grows when idle)"),
    NEAR_ENTRIES(
            "near.entries", "Entries in this instance's near cache (at most ecolaura.cache.<name>.near.max-entries)"),
    MAX_ENTRIES("max.entries", "The entry cap of the cache in Redis (ecolaura.cache.<name>.max-entries)"),
    CIRCUIT_OPEN("circuit.open", "1 while the Redis circuit breaker is open (no cache call tried), else 0"),
    CIRCUIT_OPENINGS("circuit.openings", "Times the Redis circuit breaker opened since start"),
    MISSED_EVICTIONS(
            "missed.evictions",
            "Evictions that could not reach Redis, replayed when it answers again (their entries bypass Redis)"),
    VIEWS_COUNTED("views.counted", "Product views counted (behind an edge: its misses and the storefront's beacons)"),
    VIEWS_DROPPED("views.dropped", "Product views not counted because too many waited to be counted"),
    WARMING_PRODUCTS("warming.products", "Hot products this instance set out to warm at start"),
    WARMING_WARMED("warming.warmed", "Hot products warmed so far"),
    WARMING_SECONDS("warming.seconds", "How long warming took (so far)"),
    WARMING_DONE("warming.done", "1 once warming has ended (finished, timed out or off)"),
    WARMING_REHEARSED(
            "warming.rehearsed",
            "Product reads rehearsed at start so that the JIT compiles them before the first shopper"
                    + " (ecolaura.warming.rehearsal; not counted as hits or misses)"),
    PREFETCH_ISSUED("prefetch.issued", "Products prefetched because they were likely to be viewed next"),
    PREFETCH_USED("prefetch.used", "Prefetched products then viewed on this instance within the horizon"),
    PREFETCH_WASTED("prefetch.wasted", "Prefetched products not viewed on this instance within the horizon"),
    PREFETCH_DROPPED("prefetch.dropped", "Predictions not prefetched because enough prefetches were running"),
    EDGE_PURGES("edge.purges", "Purge requests edge caches accepted (ecolaura.edge.purge-urls)"),
    EDGE_PURGE_FAILURES("edge.purge.failures", "Purge requests an edge cache did not accept or answer; replayed"),
    EDGE_PURGE_PENDING("edge.purge.pending", "Surrogate keys waiting to be purged on an edge that was unreachable"),
    CHANGES_ENABLED(
            "changes.enabled",
            "1 where the change stream is on (PostgreSQL with logical decoding): following it or standing by"),
    CHANGES_FOLLOWING(
            "changes.following",
            "1 while this instance follows the database's change stream (one instance at a time holds its slot)"),
    CHANGES_APPLIED("changes.applied", "Outside transactions whose changes invalidated caches"),
    CHANGES_OWN("changes.own", "The shop's own transactions seen in the change stream, not invalidated twice"),
    CHANGES_UNMAPPED(
            "changes.unmapped",
            "Changes the stream could not map to entries (truncate, unknown table or column): what they feed was"
                    + " cleared"),
    CHANGES_GAPS("changes.gaps", "Times the change stream's slot was lost and every cache the database feeds cleared"),
    CHANGES_LAG(
            "changes.lag.seconds",
            "Commit-to-invalidated delay of the latest outside transactions this instance applied (the oldest"
                    + " of those applied together)"),
    CHANGES_LAST_EVENT(
            "changes.last.event.seconds", "When the latest transaction of the change stream committed (Unix time)"),
    HAZELCAST_ENTRIES(
            "hazelcast.entries", "Entries in Payara's Hazelcast JCache caches; 0 unless something bypasses Redis");

    final String name;
    final String description;

    Gauge(String name, String description) {
        this.name = name;
        this.description = description;
    }
}
