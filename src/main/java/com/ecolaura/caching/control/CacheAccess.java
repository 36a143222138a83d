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
 * write or eviction is skipped, and the request goes on from the database. Reads look in the
 * {@link NearCache} first; evictions and explicit puts invalidate it on every instance.
 */
@ApplicationScoped
public class CacheAccess {

    private static final String ALL = "*";
    private static final String UNKNOWN_FENCE = "";

    @Inject
    RedisCaches caches;

    @Inject
    NearCache near;

    /** A read, counted as a (near) hit, a stale hit, a miss or an error of its cache. */
    public Optional<CacheEntry> get(String cacheName, String key, JavaType type) {
        long now = System.currentTimeMillis();
        var local = near.get(cacheName, key, type, now);
        if (local.isPresent()) {
            CacheMetrics.nearHit(cacheName);
            return local;
        }
        var entry = lookUp(cacheName, key, type, now);
        if (entry.isEmpty()) {
            CacheMetrics.miss(cacheName);
        } else if (entry.get().isFresh(now)) {
            CacheMetrics.hit(cacheName);
        } else {
            CacheMetrics.staleHit(cacheName);
        }
        return entry;
    }

    /** A read that is not a request's (single flight re-checks): not counted as hit or miss. */
    Optional<CacheEntry> peek(String cacheName, String key, JavaType type) {
        long now = System.currentTimeMillis();
        var local = near.get(cacheName, key, type, now);
        return local.isPresent() ? local : lookUp(cacheName, key, type, now);
    }

    /** Reads Redis, and keeps a fresh entry in the near cache unless an invalidation crossed the read. */
    private Optional<CacheEntry> lookUp(String cacheName, String key, JavaType type, long now) {
        long nearVersion = near.version(cacheName);
        var entry = lookUpInRedis(cacheName, key, type);
        entry.filter(e -> e.isFresh(now)).ifPresent(e -> near.fill(cacheName, key, type, e, nearVersion));
        return entry;
    }

    private Optional<CacheEntry> lookUpInRedis(String cacheName, String key, JavaType type) {
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

    /**
     * Caches a value given by the application ({@code @CachePut}): it replaces what other instances
     * may hold in their near caches, so they drop it.
     */
    public void put(CachePolicy policy, String key, Object value, long computeMillis) {
        write(policy, key, value, computeMillis);
        near.invalidate(policy.cacheName(), key);
    }

    /**
     * Caches a value fresh for the policy's (jittered) TTL, then stale for its stale-while-revalidate
     * window. A computed value needs no near-cache invalidation: it follows a miss, or a refresh of
     * an entry that no write changed (writes evict).
     */
    private void write(CachePolicy policy, String key, Object value, long computeMillis) {
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
        near.invalidate(cacheName, key);
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
        near.invalidateAll(cacheName);
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
        write(policy, key, value, computeMillis);
        if (!fence.equals(fence(policy.cacheName(), key))) {
            try {
                caches.cache(policy.cacheName()).remove(key);
                CacheMetrics.fenced(policy.cacheName());
            } catch (RuntimeException e) {
                RedisFailures.record("remove", policy.cacheName(), e);
            }
            // another reader may have copied the discarded value into its near cache meanwhile
            near.invalidate(policy.cacheName(), key);
        }
    }

    private static RMap<String, Long> fences(String cacheName) {
        return SharedRedis.client().getMap("ecolaura:evictions:" + cacheName, LongCodecs.FENCES);
    }
}
