package com.ecolaura.caching.metrics;

import com.ecolaura.caching.policy.CacheNames;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Per-cache metrics, tagged {@code cache="<name>"}, exported at {@code /metrics} as
 * {@code ecolaura_cache_hits_total{cache="products"}} and so on (docs/observability.md lists them).
 * Static, because some of what it counts happens where nothing can be injected (codecs, leases).
 */
@ApplicationScoped
public class CacheMetrics {

    private static volatile MetricRegistry registry;
    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, Timer> TIMERS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> RATIOS = new ConcurrentHashMap<>();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry applicationRegistry;

    /** Before the other start-up observers, which register gauges through it. */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) Startup startup) {
        registry = applicationRegistry;
        CacheNames.ALL.forEach(CacheMetrics::register);
    }

    /** Registers every metric of a cache at 0, so that rates and ratios exist before the first request. */
    static void register(String cache) {
        for (String name : new String[] {
            "hits",
            "misses",
            "stale.hits",
            "puts",
            "removals",
            "clears",
            "errors",
            "loads",
            "refreshes",
            "coalesced",
            "lock.wait.timeouts",
            "rejected.entries",
            "fenced.puts",
            "near.hits",
            "near.invalidations",
            "skipped",
            "trimmed"
        }) {
            count(name, cache, 0);
        }
        timer("get", cache);
        timer("load", cache);
        ratio(cache);
    }

    public static void hit(String cache) {
        count("hits", cache, 1);
    }

    /** A hit served by the near cache (also counted as a hit). */
    public static void nearHit(String cache) {
        count("hits", cache, 1);
        count("near.hits", cache, 1);
    }

    public static void nearInvalidation(String cache) {
        count("near.invalidations", cache, 1);
    }

    public static void staleHit(String cache) {
        count("stale.hits", cache, 1);
    }

    public static void miss(String cache) {
        count("misses", cache, 1);
    }

    public static void put(String cache) {
        count("puts", cache, 1);
    }

    public static void removal(String cache) {
        count("removals", cache, 1);
    }

    public static void clear(String cache) {
        count("clears", cache, 1);
    }

    public static void error(String cache) {
        count("errors", cache, 1);
    }

    public static void trimmed(String cache, int entries) {
        count("trimmed", cache, entries);
    }

    public static void skipped(String cache) {
        count("skipped", cache, 1);
    }

    public static void refresh(String cache) {
        count("refreshes", cache, 1);
    }

    public static void coalesced(String cache) {
        count("coalesced", cache, 1);
    }

    public static void lockWaitTimeout(String cache) {
        count("lock.wait.timeouts", cache, 1);
    }

    public static void rejected(String cache) {
        count("rejected.entries", cache, 1);
    }

    public static void fenced(String cache) {
        count("fenced.puts", cache, 1);
    }

    public static void load(String cache, long nanos) {
        count("loads", cache, 1);
        var timer = timer("load", cache);
        if (timer != null) {
            timer.update(Duration.ofNanos(nanos));
        }
    }

    public static void get(String cache, long nanos) {
        var timer = timer("get", cache);
        if (timer != null) {
            timer.update(Duration.ofNanos(nanos));
        }
    }

    private static void count(String name, String cache, long by) {
        var metrics = registry;
        if (metrics == null) {
            return;
        }
        COUNTERS.computeIfAbsent(name + "|" + cache, key -> {
                    ratio(cache);
                    return metrics.counter(
                            Metadata.builder()
                                    .withName("ecolaura.cache." + name)
                                    .withDescription(DESCRIPTIONS.getOrDefault(name, name))
                                    .build(),
                            new Tag("cache", cache));
                })
                .inc(by);
    }

    private static Timer timer(String name, String cache) {
        var metrics = registry;
        if (metrics == null) {
            return null;
        }
        return TIMERS.computeIfAbsent(
                name + "|" + cache,
                key -> metrics.timer(
                        Metadata.builder()
                                .withName("ecolaura.cache." + name)
                                .withDescription(DESCRIPTIONS.get(name))
                                // what the timer records; the exporter converts to seconds
                                .withUnit(MetricUnits.NANOSECONDS)
                                .build(),
                        new Tag("cache", cache)));
    }

    private static void ratio(String cache) {
        var metrics = registry;
        if (metrics == null || RATIOS.putIfAbsent(cache, Boolean.TRUE) != null) {
            return;
        }
        metrics.gauge(
                Metadata.builder()
                        .withName("ecolaura.cache.hit.ratio")
                        .withDescription("Hits / (hits + misses) since start; NaN before the first read")
                        .build(),
                cache,
                name -> {
                    double hits = value("hits", name) + value("stale.hits", name);
                    double total = hits + value("misses", name);
                    return total == 0 ? Double.NaN : hits / total;
                },
                new Tag("cache", cache));
    }

    /** A counter of a second-level cache region ({@code ecolaura_cache_region_<name>_total}). */
    public static void regionCount(String name, String region) {
        var metrics = registry;
        if (metrics == null) {
            return;
        }
        COUNTERS.computeIfAbsent(
                        "region." + name + "|" + region,
                        key -> metrics.counter(
                                Metadata.builder()
                                        .withName("ecolaura.cache.region." + name)
                                        .withDescription("Second-level cache: "
                                                + DESCRIPTIONS
                                                        .getOrDefault(name, name)
                                                        .toLowerCase(java.util.Locale.ROOT))
                                        .build(),
                                new Tag("region", region)))
                .inc();
    }

    /** A gauge read when scraped; tagged with its cache when {@code cache} is not null. */
    public static void gauge(String name, String description, String cache, Supplier<Number> value) {
        var metrics = registry;
        if (metrics == null) {
            return;
        }
        var metadata = Metadata.builder()
                .withName("ecolaura.cache." + name)
                .withDescription(description)
                .build();
        if (cache == null) {
            metrics.gauge(metadata, value);
        } else {
            metrics.gauge(metadata, value, new Tag("cache", cache));
        }
    }

    /** A cache's counter ({@code hits}, {@code misses}, …) as it stands; 0 before its first count. */
    public static long count(String name, String cache) {
        return (long) value(name, cache);
    }

    private static double value(String name, String cache) {
        var counter = COUNTERS.get(name + "|" + cache);
        return counter == null ? 0 : counter.getCount();
    }

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("hits", "Reads served from the cache while fresh"),
            Map.entry("stale.hits", "Reads served stale while one background refresh ran"),
            Map.entry("misses", "Reads that found nothing usable"),
            Map.entry("puts", "Values written"),
            Map.entry("removals", "Entries evicted by the application"),
            Map.entry("clears", "Whole-cache evictions"),
            Map.entry("errors", "Redis calls that failed (served without the cache)"),
            Map.entry("loads", "Values computed on a miss"),
            Map.entry("refreshes", "Values recomputed in the background (stale or early)"),
            Map.entry("coalesced", "Misses served by another caller's computation (single flight)"),
            Map.entry("lock.wait.timeouts", "Misses that stopped waiting for another caller and computed"),
            Map.entry("rejected.entries", "Entries that were not a value of the expected type (evicted)"),
            Map.entry("fenced.puts", "Computed values discarded because an eviction crossed them"),
            Map.entry("near.hits", "Hits served from this instance's near cache, without Redis (included in hits)"),
            Map.entry("near.invalidations", "Near-cache entries or caches dropped by an invalidation"),
            Map.entry("trimmed", "Entries evicted, least recently used first, to keep the cache within its entry cap"),
            Map.entry("skipped", "Cache calls not tried because the Redis circuit was open (served without the cache)"),
            Map.entry("get", "Latency of a Redis cache read"),
            Map.entry("load", "Time to compute a missing value"));
}
