package com.ecolaura.caching.control;

import com.fasterxml.jackson.databind.JavaType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RMap;

/**
 * Every cache call the application makes, fail-open: when Redis fails, a read is a miss and a
 * write or eviction is skipped, and the request goes on from the database.
 */
@ApplicationScoped
public class CacheAccess {

    private static final String ALL = "*";
    private static final String UNKNOWN_FENCE = "";

    @Inject
    RedisCaches caches;

    /** A read, counted as a hit, a stale hit, a miss or an error of its cache. */
    public Optional<CacheEntry> get(String cacheName, String key, JavaType type) {
        var entry = lookUp(cacheName, key, type);
        if (entry.isEmpty()) {
            CacheMetrics.miss(cacheName);
        } else if (entry.get().isFresh(System.currentTimeMillis())) {
            CacheMetrics.hit(cacheName);
        } else {
            CacheMetrics.staleHit(cacheName);
        }
        return entry;
    }

    /** A read that is not a request's (single flight re-checks): not counted as hit or miss. */
    Optional<CacheEntry> peek(String cacheName, String key, JavaType type) {
        return lookUp(cacheName, key, type);
    }

    private Optional<CacheEntry> lookUp(String cacheName, String key, JavaType type) {
        Object stored;
        long started = System.nanoTime();
        try {
            stored = caches.cache(cacheName).get(key);
        } catch (RuntimeException e) {
            CacheMetrics.error(cacheName);
            RedisFailures.record("get", cacheName, e);
            return Optional.empty();
        } finally {
            CacheMetrics.get(cacheName, System.nanoTime() - started);
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(((StoredValue) stored).as(type));
        } catch (RejectedEntryException e) {
            CacheMetrics.rejected(cacheName);
            RejectedEntries.record(cacheName, key, e);
            remove(cacheName, key);
            return Optional.empty();
        }
    }

    /** Caches a value fresh for the policy's (jittered) TTL, then stale for its stale-while-revalidate window. */
    public void put(CachePolicy policy, String key, Object value, long computeMillis) {
        if (value == null) {
            return;
        }
        long now = System.currentTimeMillis();
        Duration fresh = policy.jitteredTtl();
        var entry = new CacheEntry(value, now, computeMillis, now + fresh.toMillis());
        EntryTtl.next(fresh.plus(policy.staleWhileRevalidate()));
        try {
            caches.cache(policy.cacheName()).put(key, entry);
            CacheMetrics.put(policy.cacheName());
        } catch (RuntimeException e) {
            CacheMetrics.error(policy.cacheName());
            RedisFailures.record("put", policy.cacheName(), e);
        } finally {
            EntryTtl.clear();
        }
    }

    /** Evicts an entry, and moves its fence first, so that a load that read older data cannot keep it. */
    public void remove(String cacheName, String key) {
        try {
            fences(cacheName).addAndGet(key, 1L);
            caches.cache(cacheName).remove(key);
            CacheMetrics.removal(cacheName);
        } catch (RuntimeException e) {
            CacheMetrics.error(cacheName);
            RedisFailures.record("remove", cacheName, e);
        }
    }

    /** Evicts every entry of a cache, moving the cache-wide fence first. */
    public void clear(String cacheName) {
        try {
            fences(cacheName).addAndGet(ALL, 1L);
            caches.cache(cacheName).clear();
            CacheMetrics.clear(cacheName);
        } catch (RuntimeException e) {
            CacheMetrics.error(cacheName);
            RedisFailures.record("clear", cacheName, e);
        }
    }

    /**
     * The eviction fence of a key: changes whenever the key, or its whole cache, is evicted. A load
     * reads it before it starts and again after it has put its value; if it moved, an eviction
     * happened meanwhile and the value (possibly read before the write that caused it) is discarded.
     */
    public String fence(String cacheName, String key) {
        try {
            var counters = fences(cacheName).getAll(Set.of(key, ALL));
            return counters.getOrDefault(key, 0L) + ":" + counters.getOrDefault(ALL, 0L);
        } catch (RuntimeException e) {
            RedisFailures.record("fence", cacheName, e);
            return UNKNOWN_FENCE;
        }
    }

    /** Puts a freshly computed value, unless an eviction crossed the computation. */
    public void putUnlessEvictedSince(String fence, CachePolicy policy, String key, Object value, long computeMillis) {
        if (UNKNOWN_FENCE.equals(fence)) {
            return;
        }
        put(policy, key, value, computeMillis);
        if (!fence.equals(fence(policy.cacheName(), key))) {
            try {
                caches.cache(policy.cacheName()).remove(key);
                CacheMetrics.fenced(policy.cacheName());
            } catch (RuntimeException e) {
                RedisFailures.record("remove", policy.cacheName(), e);
            }
        }
    }

    private static RMap<String, Long> fences(String cacheName) {
        return SharedRedis.client().getMap("ecolaura:evictions:" + cacheName, LongCodecs.FENCES);
    }
}
