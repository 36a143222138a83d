package com.ecolaura.caching.store;

import com.ecolaura.caching.codec.StoredValue;
import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.policy.CachePolicy;
import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.redis.control.RedisRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the application changes in the caches itself: values it puts ({@code @CachePut}), entries and
 * caches it evicts ({@code @CacheRemove}, {@code @CacheRemoveAll}). Each is one script
 * ({@link EntryScripts}) that also tells every instance's near cache and moves the fence, so that no
 * computation that read older data can write after it. One that cannot reach Redis is kept
 * ({@link MissedEvictions}): the entries it names are not read from Redis, and it is replayed,
 * before the circuit closes, when Redis answers again.
 */
@ApplicationScoped
public class CacheUpdates {

    @Inject
    RedisGateway redis;

    @Inject
    RedisCaches caches;

    @Inject
    NearCache near;

    @Inject
    MissedEvictions missed;

    @Inject
    CacheBounds bounds;

    /** How long a fence is kept: as long as a computed value may still be written after its lease. */
    @Inject
    @ConfigProperty(name = "ecolaura.cache.fence-window", defaultValue = "PT1M")
    Duration fenceWindow;

    /** How long after its lease a computed value may still be written; also how long a fence is kept. */
    public Duration fenceWindow() {
        return fenceWindow;
    }

    /**
     * Caches a value given by the application ({@code @CachePut}): it replaces what every near cache
     * holds, and fences off computations of the old value that are still running.
     */
    public void put(CachePolicy policy, String key, Object value) {
        String cacheName = policy.cacheName();
        if (value != null && caches.cache(cacheName) != null) {
            var entry = policy.entry(value, 0);
            byte[] encoded = StoredValue.encoded(entry);
            boolean done = redis.run(
                    "put",
                    cacheName,
                    client -> EntryScripts.put(
                            client,
                            cacheName,
                            key,
                            encoded,
                            entry.expiresAt(),
                            fenceWindow.toMillis(),
                            NearCache.CHANNEL,
                            near.message(cacheName, key)));
            if (done) {
                CacheMetrics.count(CacheCounter.PUTS, cacheName);
                bounds.used(cacheName, key);
            } else {
                // what Redis holds is now older than the value the application gave
                missed.record(cacheName, key);
            }
        } else if (value != null) {
            missed.record(cacheName, key);
        }
        near.drop(cacheName, key);
    }

    /**
     * Evicts an entry everywhere, fencing off computations that read older data. An eviction that
     * cannot reach Redis is kept for replay ({@link MissedEvictions}).
     */
    public void remove(String cacheName, String key) {
        if (!evict(redis, cacheName, key)) {
            missed.record(cacheName, key);
        }
        near.drop(cacheName, key);
    }

    /** Evicts every entry of a cache everywhere. */
    public void clear(String cacheName) {
        if (!evictAll(redis, cacheName)) {
            missed.recordAll(cacheName);
        }
        near.dropAll(cacheName);
    }

    /** Replays the evictions Redis missed, past the open circuit; the circuit closes once all are done. */
    void replayMissedEvictions(@Observes RedisRecovery recovery) {
        if (missed.isEmpty()) {
            return;
        }
        for (var cache : missed.snapshot().entrySet()) {
            String cacheName = cache.getKey();
            for (String key : cache.getValue()) {
                missed.forget(cacheName, key);
                boolean whole = MissedEvictions.ALL.equals(key);
                boolean done = whole ? evictAll(recovery.redis(), cacheName) : evict(recovery.redis(), cacheName, key);
                if (done) {
                    if (whole) {
                        near.dropAll(cacheName);
                    } else {
                        near.drop(cacheName, key);
                    }
                } else {
                    missed.record(cacheName, key);
                    recovery.failed();
                }
            }
        }
    }

    private boolean evict(RedisGateway gateway, String cacheName, String key) {
        boolean done = gateway.run(
                "evict",
                cacheName,
                client -> EntryScripts.evict(
                        client,
                        cacheName,
                        key,
                        fenceWindow.toMillis(),
                        NearCache.CHANNEL,
                        near.message(cacheName, key)));
        if (done) {
            CacheMetrics.count(CacheCounter.REMOVALS, cacheName);
        }
        return done;
    }

    private boolean evictAll(RedisGateway gateway, String cacheName) {
        boolean done = gateway.run(
                "clear",
                cacheName,
                client -> EntryScripts.clear(
                        client, cacheName, fenceWindow.toMillis(), NearCache.CHANNEL, near.message(cacheName, null)));
        if (done) {
            CacheMetrics.count(CacheCounter.CLEARS, cacheName);
        }
        return done;
    }

    /** Drops a whole cache from every instance's near cache (Redis keeps its entries). */
    public void dropNear(String cacheName) {
        near.dropAll(cacheName);
        redis.run("publish", cacheName, client -> client.getTopic(
                        NearCache.CHANNEL, org.redisson.client.codec.StringCodec.INSTANCE)
                .publish(near.message(cacheName, null)));
    }
}
