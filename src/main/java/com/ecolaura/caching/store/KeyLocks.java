package com.ecolaura.caching.store;

import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.SharedRedis;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.redisson.client.codec.StringCodec;

/**
 * Leases on a cache key in Redis, shared by all instances: {@code SET key token NX PX lease}, released
 * only by the holder's token, so a holder that dies blocks others for one lease at most. When Redis
 * fails, every caller gets a lease: computing twice is better than not serving.
 */
public final class KeyLocks {

    /** A lease that Redis could not record; the caller computes without one. */
    public static final String UNRECORDED = "";

    private KeyLocks() {}

    public static Optional<String> tryAcquire(String lockKey, Duration lease) {
        if (RedisCircuit.isOpen()) {
            return Optional.of(UNRECORDED);
        }
        String token = UUID.randomUUID().toString();
        try {
            return SharedRedis.client()
                            .<String>getBucket(lockKey, StringCodec.INSTANCE)
                            .setIfAbsent(token, lease)
                    ? Optional.of(token)
                    : Optional.empty();
        } catch (RuntimeException e) {
            RedisFailures.record("lock", lockKey, e);
            return Optional.of(UNRECORDED);
        }
    }

    public static boolean isHeld(String lockKey) {
        if (RedisCircuit.isOpen()) {
            return false;
        }
        try {
            return SharedRedis.client().getBucket(lockKey, StringCodec.INSTANCE).isExists();
        } catch (RuntimeException e) {
            RedisFailures.record("lock", lockKey, e);
            return false;
        }
    }

    public static void release(String lockKey, String token) {
        if (UNRECORDED.equals(token) || RedisCircuit.isOpen()) {
            return;
        }
        try {
            SharedRedis.client()
                    .<String>getBucket(lockKey, StringCodec.INSTANCE)
                    .compareAndSet(token, null);
        } catch (RuntimeException e) {
            RedisFailures.record("unlock", lockKey, e);
        }
    }
}
