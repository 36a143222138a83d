package com.ecolaura.caching.store;

import com.ecolaura.background.control.Repeating;
import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.redis.control.RedisGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Keeps every cache within its entry cap ({@code ecolaura.cache.<name>.max-entries}) by evicting its
 * least recently used entries. Redisson keeps a JCache cache in one Redis hash, so Redis's own
 * {@code maxmemory} eviction can only drop a whole cache; this drops single cold entries instead.
 * Reads and writes note the time of use locally; every {@code ecolaura.cache.trim-interval} (10 s)
 * each instance adds them to a sorted set per cache ({@code ecolaura:recency:{<name>}}, one command,
 * which expires with the longest-lived entry it could describe), drops what is older than an entry
 * can live, and one instance (a lease) trims each cache that is over its cap, coldest first, to 95 %
 * of it. A trimmed entry is only a future miss: no fence moves and no near cache is invalidated.
 */
@ApplicationScoped
public class CacheBounds {

    /** Uses noted between two flushes, per cache: beyond this a burst of cold keys is not worth noting. */
    private static final int MAX_NOTED = 50_000;

    private static final long RESOLUTION_MILLIS = 1_000;

    @Inject
    Repeating trimming;

    @Inject
    RedisGateway redis;

    @Inject
    RedisCaches caches;

    @Inject
    CachePolicies policies;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.trim-interval", defaultValue = "PT10S")
    Duration interval;

    private final Map<String, Map<String, Long>> used = new ConcurrentHashMap<>();

    void start(@Observes Startup startup) {
        if (!enabled || trimming.started()) {
            return;
        }
        CacheNames.ALL.forEach(cache -> CacheMetrics.gauge(
                Gauge.MAX_ENTRIES, cache, () -> policies.of(cache).maxEntries()));
        trimming.start(this::trimAll, interval);
    }

    /** Notes a read or write of an entry: cheap, local, sent to Redis with the next trim. */
    void used(String cacheName, String key) {
        if (!enabled) {
            return;
        }
        var noted = used.computeIfAbsent(cacheName, name -> new ConcurrentHashMap<>());
        long now = System.currentTimeMillis();
        Long before = noted.get(key);
        if (before != null ? now - before >= RESOLUTION_MILLIS : noted.size() < MAX_NOTED) {
            // a hot key is read by every request thread: within a second, a read of the map is enough
            noted.put(key, now);
        }
    }

    void trimAll() {
        for (String cache : CacheNames.ALL) {
            var scores = drained(cache);
            // counted as the bookkeeping's, not the cache's: a cache's errors are those its reads and writes met
            redis.run("trim", "cache-bounds", client -> {
                flush(client, cache, scores);
                trim(client, cache);
            });
        }
    }

    private Map<String, Double> drained(String cache) {
        var noted = used.get(cache);
        var scores = new HashMap<String, Double>();
        if (noted != null) {
            noted.forEach((key, millis) -> {
                if (noted.remove(key, millis)) {
                    scores.put(key, (double) millis);
                }
            });
        }
        return scores;
    }

    private void flush(RedissonClient client, String cache, Map<String, Double> scores) {
        var recency = recency(client, cache);
        Duration lifetime = policies.of(cache).lifetime();
        if (!scores.isEmpty()) {
            recency.addAll(scores);
            recency.expire(lifetime);
        }
        // an entry unused for longer than it can live has expired already
        recency.removeRangeByScore(0, true, System.currentTimeMillis() - lifetime.toMillis(), true);
    }

    private void trim(RedissonClient client, String cache) {
        int max = policies.of(cache).maxEntries();
        int size = client.getMap(cache, StringCodec.INSTANCE).size();
        if (size <= max
                || !client.getBucket(CacheNames.companion("lock:trim", cache), StringCodec.INSTANCE)
                        .setIfAbsent("1", interval)) {
            return;
        }
        int excess = size - max + max / 20;
        var recency = recency(client, cache);
        var coldest = new HashSet<>(recency.valueRange(0, excess - 1));
        var cached = caches.cache(cache);
        if (coldest.isEmpty() || cached == null) {
            return;
        }
        cached.removeAll(coldest);
        recency.removeAll(coldest);
        CacheMetrics.count(CacheCounter.TRIMMED, cache, coldest.size());
    }

    private static RScoredSortedSet<String> recency(RedissonClient client, String cache) {
        return client.getScoredSortedSet(CacheNames.companion("recency", cache), StringCodec.INSTANCE);
    }
}
