package com.ecolaura.caching.metrics;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.redis.control.RedisGateway;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * The shop's own metrics, declared in this package (Redis's and Hibernate's figures are read by
 * {@link RedisMetrics} and {@link HibernateCacheMetrics}): each cache's counters ({@link CacheCounter})
 * and timers tagged {@code cache="<name>"} ({@code ecolaura_cache_hits_total{cache="products"}}), the
 * work a miss costs ({@link Work}), the gauges ({@link Gauge}), and what every Redis call did, heard
 * from the {@link RedisGateway} ({@link RedisCallMetrics}). Every counter is registered at 0 at
 * start, so that rates and ratios exist before the first request (docs/observability.md lists them).
 * Static, because some of what it counts happens where nothing can be injected (codecs, the
 * second-level cache regions).
 */
@ApplicationScoped
public class CacheMetrics {

    private static final Map<String, String> TIMERS_DESCRIBED = Map.of(
            "get", "Latency of a Redis cache read",
            "load", "Time to compute a missing value");

    private static volatile MetricRegistry registry;
    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();
    /** The per-cache counters again, found without building a name or a tag: a near hit counts twice. */
    private static final Map<CacheCounter, Map<String, Counter>> BY_CACHE = new EnumMap<>(CacheCounter.class);

    static {
        for (var counter : CacheCounter.values()) {
            BY_CACHE.put(counter, new ConcurrentHashMap<>());
        }
    }

    private static final Map<String, Timer> TIMERS = new ConcurrentHashMap<>();
    private static final Set<String> CACHES = ConcurrentHashMap.newKeySet();
    /** Every gauge declared so far, to register again in a new registry. */
    private static final Map<String, Runnable> GAUGES = new ConcurrentHashMap<>();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry applicationRegistry;

    /**
     * Before the other start-up observers, which register gauges through it. Payara Micro has been
     * seen to initialise an application twice: what was registered in an earlier registry is
     * registered again in this one.
     */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) Startup startup) {
        COUNTERS.clear();
        BY_CACHE.values().forEach(Map::clear);
        TIMERS.clear();
        CACHES.clear();
        registry = applicationRegistry;
        GAUGES.values().forEach(Runnable::run);
        CacheNames.ALL.forEach(CacheMetrics::register);
        for (var work : Work.values()) {
            counter(work.name, work.description, null);
        }
        RedisGateway.report(new RedisCallMetrics());
    }

    /** Registers every metric of a cache at 0 (also for caches named by the JSR-107 defaults, on first use). */
    public static void register(String cache) {
        if (registry == null || !CACHES.add(cache)) {
            return;
        }
        for (var counter : CacheCounter.values()) {
            count(counter, cache, 0);
        }
        timer("get", cache);
        timer("load", cache);
        try {
            registry.gauge(
                    Metadata.builder()
                            .withName("ecolaura.cache.hit.ratio")
                            .withDescription("Hits / (hits + misses) since start; NaN before the first read")
                            .build(),
                    cache,
                    name -> {
                        double hits = value(CacheCounter.HITS, name) + value(CacheCounter.STALE_HITS, name);
                        double total = hits + value(CacheCounter.MISSES, name);
                        return total == 0 ? Double.NaN : hits / total;
                    },
                    new Tag("cache", cache));
        } catch (IllegalArgumentException registeredAlready) {
            // this registry has it: a second start of the same application
        }
    }

    public static void work(Work work) {
        increment(work.name, work.description, null);
    }

    public static void count(CacheCounter counter, String cache) {
        count(counter, cache, 1);
    }

    public static void count(CacheCounter counter, String cache, long by) {
        var found = cacheCounter(counter, cache);
        if (found != null) {
            found.inc(by);
        }
    }

    private static Counter cacheCounter(CacheCounter counter, String cache) {
        var perCache = BY_CACHE.get(counter);
        var found = perCache.get(cache);
        if (found == null) {
            found = counter("ecolaura.cache." + counter.name, counter.description, new Tag("cache", cache));
            if (found != null) {
                perCache.put(cache, found);
            }
        }
        return found;
    }

    /** A hit served by the near cache (also counted as a hit). */
    public static void nearHit(String cache) {
        count(CacheCounter.HITS, cache);
        count(CacheCounter.NEAR_HITS, cache);
    }

    /** A value computed on a miss, and how long it took. */
    public static void load(String cache, long nanos) {
        count(CacheCounter.LOADS, cache);
        var timer = timer("load", cache);
        if (timer != null) {
            timer.update(Duration.ofNanos(nanos));
        }
    }

    /** A counter of a second-level cache region ({@code ecolaura_cache_region_<name>_total}). */
    public static void regionCount(CacheCounter counter, String region) {
        increment(
                "ecolaura.cache.region." + counter.name,
                "Second-level cache: " + counter.description.toLowerCase(Locale.ROOT),
                new Tag("region", region));
    }

    /** A counter of Redis calls for other data than the caches ({@code ecolaura_redis_<name>_total{target="sessions"}}). */
    public static void otherRedisCount(CacheCounter counter, String target) {
        increment(
                "ecolaura.redis." + counter.name,
                "Redis calls for other data than the caches: " + counter.description.toLowerCase(Locale.ROOT),
                new Tag("target", target));
    }

    /** A gauge, tagged with its cache when {@code cache} is not null. */
    public static void gauge(Gauge gauge, String cache, Supplier<Number> value) {
        Runnable registration = () -> {
            var metadata = Metadata.builder()
                    .withName("ecolaura.cache." + gauge.name)
                    .withDescription(gauge.description)
                    .build();
            try {
                if (cache == null) {
                    registry.gauge(metadata, value);
                } else {
                    registry.gauge(metadata, value, new Tag("cache", cache));
                }
            } catch (IllegalArgumentException registeredAlready) {
                // this registry has it: a second start of the same application
            }
        };
        GAUGES.put(gauge.name + "|" + cache, registration);
        if (registry != null) {
            registration.run();
        }
    }

    /** A cache's counter as it stands; 0 before its first count. */
    public static long value(CacheCounter counter, String cache) {
        var found = BY_CACHE.get(counter).get(cache);
        return found == null ? 0 : found.getCount();
    }

    /** Whether the name is one of the JCache caches (not a second-level region, nor another user of Redis). */
    static boolean isCache(String name) {
        return CACHES.contains(name);
    }

    /** The cache's timer ({@code get}, {@code load}); null before the metrics are registered, and for a name not a cache. */
    static Timer timer(String name, String cache) {
        var metrics = registry;
        if (metrics == null || !CACHES.contains(cache)) {
            return null;
        }
        return TIMERS.computeIfAbsent(
                name + "|" + cache,
                key -> metrics.timer(
                        Metadata.builder()
                                .withName("ecolaura.cache." + name)
                                .withDescription(TIMERS_DESCRIBED.get(name))
                                // what the timer records; the exporter converts to seconds
                                .withUnit(MetricUnits.NANOSECONDS)
                                .build(),
                        new Tag("cache", cache)));
    }

    /** Counts one on a counter found by name (nothing before the metrics are registered). */
    private static void increment(String name, String description, Tag tag) {
        var found = counter(name, description, tag);
        if (found != null) {
            found.inc();
        }
    }

    private static Counter counter(String name, String description, Tag tag) {
        var metrics = registry;
        if (metrics == null) {
            return null;
        }
        return COUNTERS.computeIfAbsent(key(name, tag), key -> {
            var metadata = Metadata.builder()
                    .withName(name)
                    .withDescription(description)
                    .build();
            return tag == null ? metrics.counter(metadata) : metrics.counter(metadata, tag);
        });
    }

    private static String key(String name, Tag tag) {
        return tag == null ? name : name + "|" + tag.getTagValue();
    }
}
