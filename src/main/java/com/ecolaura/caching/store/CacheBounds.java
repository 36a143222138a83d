package com.ecolaura.caching.store;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.Settings;
import com.ecolaura.redis.control.SharedRedis;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.codec.StringCodec;

/**
 * Keeps every cache within its entry cap, {@code ecolaura.cache.<name>.max-entries}, by evicting
 * its least recently used entries. Redisson keeps a JCache cache in one Redis hash, so Redis's own
 * {@code maxmemory} eviction can only drop a whole cache; this drops single cold entries instead.
 * Reads and writes note the time of use locally; every {@code ecolaura.cache.trim-interval} (10 s)
 * each instance adds them to a sorted set per cache ({@code ecolaura:recency:<name>}, one command),
 * and one instance (a lease) trims each cache that is over its cap, coldest first, to 95 % of it.
 * A trimmed entry is only a future miss: no fence moves and no near cache is invalidated.
 */
@ApplicationScoped
public class CacheBounds {

    private static final Map<String, Integer> DEFAULT_MAX_ENTRIES = Map.of(
            CacheNames.PRODUCTS, 200_000,
            CacheNames.SUSTAINABILITY_SCORES, 200_000,
            CacheNames.SEARCH_RESULTS, 50_000,
            CacheNames.TRENDING, 1_000,
            CacheNames.PROFILES, 200_000,
            CacheNames.PRODUCT_DETAILS, 200_000,
            CacheNames.PRODUCT_OFFERS, 200_000);

    /** Uses noted between two flushes, per cache: beyond this a burst of cold keys is not worth noting. */
    private static final int MAX_NOTED = 50_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RedisCaches caches;

    private final boolean enabled = Settings.cachingEnabled();
    private final Map<String, Map<String, Long>> used = new ConcurrentHashMap<>();
    private Duration interval;
    private ScheduledFuture<?> trimming;

    void start(@Observes Startup startup) {
        if (!enabled) {
            return;
        }
        CacheNames.ALL.forEach(cache -> CacheMetrics.gauge(
                "max.entries",
                "The entry cap of the cache in Redis (ecolaura.cache.<name>.max-entries)",
                cache,
                () -> maxEntries(cache)));
        interval = Settings.duration("ecolaura.cache.trim-interval", Duration.ofSeconds(10));
        trimming = scheduler.scheduleWithFixedDelay(
                this::trimAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (trimming != null) {
            trimming.cancel(false);
        }
    }

    /** Notes a read or write of an entry: cheap, local, sent to Redis with the next trim. */
    void used(String cacheName, String key) {
        if (!enabled) {
            return;
        }
        var noted = used.computeIfAbsent(cacheName, name -> new ConcurrentHashMap<>());
        if (noted.size() < MAX_NOTED || noted.containsKey(key)) {
            noted.put(key, System.currentTimeMillis());
        }
    }

    void trimAll() {
        if (RedisCircuit.isOpen()) {
            return;
        }
        for (String cache : CacheNames.ALL) {
            try {
                flush(cache);
                trim(cache);
            } catch (RuntimeException e) {
                RedisFailures.record("trim", cache, e);
            }
        }
    }

    private void flush(String cache) {
        var noted = used.get(cache);
        if (noted == null || noted.isEmpty()) {
            return;
        }
        var scores = new HashMap<String, Double>();
        noted.forEach((key, millis) -> {
            if (noted.remove(key, millis)) {
                scores.put(key, (double) millis);
            }
        });
        recency(cache).addAll(scores);
    }

    private void trim(String cache) {
        var recency = recency(cache);
        // an entry unused for longer than it can live has expired already
        recency.removeRangeByScore(
                0, true, System.currentTimeMillis() - lifetime(cache).toMillis(), true);
        int max = maxEntries(cache);
        int size = SharedRedis.client().getMap(cache, StringCodec.INSTANCE).size();
        if (size <= max
                || KeyLocks.tryAcquire("ecolaura:lock:trim:" + cache, interval).isEmpty()) {
            return;
        }
        int excess = size - max + max / 20;
        var coldest = new HashSet<>(recency.valueRange(0, excess - 1));
        if (coldest.isEmpty()) {
            return;
        }
        caches.cache(cache).removeAll(coldest);
        recency.removeAll(coldest);
        CacheMetrics.trimmed(cache, coldest.size());
    }

    private static Duration lifetime(String cache) {
        var policy = CachePolicies.of(cache);
        return policy.ttl()
                .plus(policy.ttl()
                        .multipliedBy(Math.round(policy.ttlJitter() * 100))
                        .dividedBy(100))
                .plus(policy.staleWhileRevalidate());
    }

    static int maxEntries(String cache) {
        return Settings.number(
                "ecolaura.cache." + cache + ".max-entries", DEFAULT_MAX_ENTRIES.getOrDefault(cache, 100_000));
    }

    private static RScoredSortedSet<String> recency(String cache) {
        return SharedRedis.client().getScoredSortedSet(CacheNames.companion("recency", cache), StringCodec.INSTANCE);
    }
}
