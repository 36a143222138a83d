package com.ecolaura.caching.store;

import com.ecolaura.caching.codec.LongCodecs;
import com.ecolaura.caching.codec.RejectedEntries;
import com.ecolaura.caching.codec.RejectedEntryException;
import com.ecolaura.caching.codec.StoredValue;
import com.ecolaura.caching.entity.CacheEntry;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicy;
import com.ecolaura.caching.policy.EntryTtl;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.SharedRedis;
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

    @Inject
    MissedEvictions missed;

    @Inject
    CacheBounds bounds;

    /** A read, counted as a (near) hit, a stale hit, a miss or an error of its cache. */
    public Optional<CacheEntry> get(String cacheName, String key, JavaType type) {
        long now = System.currentTimeMillis();
        var local = near.get(cacheName, key, type, now);
        boolean counted = !QuietReads.active();
        if (local.isPresent()) {
            if (counted) {
                CacheMetrics.nearHit(cacheName);
            }
            bounds.used(cacheName, key);
            return local;
        }
        var entry = lookUp(cacheName, key, type, now);
        if (entry.isPresent()) {
            bounds.used(cacheName, key);
        }
        if (!counted) {
            return entry;
        }
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
    public Optional<CacheEntry> peek(String cacheName, String key, JavaType type) {
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
        if (skipsRedis(cacheName) || missed.blocks(cacheName, key)) {
            return Optional.empty();
        }
        Object stored;
        long started = System.nanoTime();
        try {
            stored = caches.cache(cacheName).get(key);
            RedisCircuit.succeeded();
        } catch (RuntimeException e) {
            failed("get", cacheName, e);
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
        if (value != null && write(policy, key, value, computeMillis) != Write.DONE) {
            // what Redis holds is now older than the value the application gave
            missed.record(policy.cacheName(), key);
        }
        near.invalidate(policy.cacheName(), key);
    }

    /**
     * Caches a value fresh for the policy's (jittered) TTL, then stale for its stale-while-revalidate
     * window. A computed value needs no near-cache invalidation: it follows a miss, or a refresh of
     * an entry that no write changed (writes evict).
     */
    private Write write(CachePolicy policy, String key, Object value, long computeMillis) {
        if (value == null || skipsRedis(policy.cacheName())) {
            return Write.SKIPPED;
        }
        long now = System.currentTimeMillis();
        Duration fresh = policy.jitteredTtl();
        var entry = new CacheEntry(value, now, computeMillis, now + fresh.toMillis());
        EntryTtl.next(fresh.plus(policy.staleWhileRevalidate()));
        try {
            caches.cache(policy.cacheName()).put(key, entry);
            CacheMetrics.put(policy.cacheName());
            bounds.used(policy.cacheName(), key);
            return Write.DONE;
        } catch (RuntimeException e) {
            failed("put", policy.cacheName(), e);
            return Write.UNCERTAIN;
        } finally {
            EntryTtl.clear();
        }
    }

    /**
     * Evicts an entry, and moves its fence first, so that a load that read older data cannot keep it.
     * An eviction that cannot reach Redis is kept for replay ({@link MissedEvictions}).
     */
    public void remove(String cacheName, String key) {
        if (skipsRedis(cacheName) || !evict(cacheName, key)) {
            missed.record(cacheName, key);
        }
        near.invalidate(cacheName, key);
    }

    /** Evicts every entry of a cache, moving the cache-wide fence first. */
    public void clear(String cacheName) {
        if (skipsRedis(cacheName) || !evictAll(cacheName)) {
            missed.recordAll(cacheName);
        }
        near.invalidateAll(cacheName);
    }

    /**
     * Replays the evictions Redis missed (past the circuit, which stays open until they are done),
     * and says whether all of them reached it now.
     */
    boolean replayMissedEvictions() {
        boolean all = true;
        for (var cache : missed.snapshot().entrySet()) {
            String cacheName = cache.getKey();
            for (String key : cache.getValue()) {
                missed.forget(cacheName, key);
                boolean whole = MissedEvictions.ALL.equals(key);
                boolean done = whole ? evictAll(cacheName) : evict(cacheName, key);
                if (done) {
                    near.invalidateOnRecovery(cacheName, key);
                } else {
                    missed.record(cacheName, key);
                    all = false;
                }
            }
        }
        return all;
    }

    private boolean evict(String cacheName, String key) {
        boolean done = true;
        try {
            fences(cacheName).addAndGet(key, 1L);
        } catch (RuntimeException e) {
            // a full Redis (noeviction) refuses the fence but still deletes the entry below
            done = false;
            failed("fence", cacheName, e);
        }
        try {
            caches.cache(cacheName).remove(key);
            CacheMetrics.removal(cacheName);
            return done;
        } catch (RuntimeException e) {
            failed("remove", cacheName, e);
            return false;
        }
    }

    private boolean evictAll(String cacheName) {
        boolean done = true;
        try {
            fences(cacheName).addAndGet(ALL, 1L);
        } catch (RuntimeException e) {
            done = false;
            failed("fence", cacheName, e);
        }
        try {
            caches.cache(cacheName).clear();
            CacheMetrics.clear(cacheName);
            return done;
        } catch (RuntimeException e) {
            failed("clear", cacheName, e);
            return false;
        }
    }

    /** While the circuit is open no call is tried: counted, and the caller goes on without the cache. */
    private static boolean skipsRedis(String cacheName) {
        if (RedisCircuit.isClosed()) {
            return false;
        }
        CacheMetrics.skipped(cacheName);
        return true;
    }

    private static void failed(String operation, String cacheName, RuntimeException e) {
        CacheMetrics.error(cacheName);
        RedisFailures.record(operation, cacheName, e);
    }

    /**
     * The eviction fence of a key: changes whenever the key, or its whole cache, is evicted. A load
     * reads it before it starts and again after it has put its value; if it moved, an eviction
     * happened meanwhile and the value (possibly read before the write that caused it) is discarded.
     */
    public String fence(String cacheName, String key) {
        if (RedisCircuit.isOpen()) {
            return UNKNOWN_FENCE;
        }
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
        var written = write(policy, key, value, computeMillis);
        if (written == Write.UNCERTAIN) {
            // a timed-out write can still land (a frozen Redis runs it when it wakes): evict it on replay
            missed.record(policy.cacheName(), key);
            return;
        }
        if (written == Write.DONE && !fence.equals(fence(policy.cacheName(), key))) {
            try {
                caches.cache(policy.cacheName()).remove(key);
                CacheMetrics.fenced(policy.cacheName());
            } catch (RuntimeException e) {
                RedisFailures.record("remove", policy.cacheName(), e);
                missed.record(policy.cacheName(), key);
            }
            // another reader may have copied the discarded value into its near cache meanwhile
            near.invalidate(policy.cacheName(), key);
        }
    }

    /** What became of a write: done, not tried (circuit open, nothing to write), or failed and perhaps applied later. */
    private enum Write {
        DONE,
        SKIPPED,
        UNCERTAIN
    }

    private static RMap<String, Long> fences(String cacheName) {
        return SharedRedis.client().getMap(CacheNames.companion("evictions", cacheName), LongCodecs.FENCES);
    }
}
