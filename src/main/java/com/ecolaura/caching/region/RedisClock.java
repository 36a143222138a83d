package com.ecolaura.caching.region;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Hibernate's timestamps (one per session, compared by the query cache across instances) on Redis's
 * clock without a Redis call per session: Redisson's factory runs a script for each. The offset
 * between the local clock and Redis's {@code TIME} is measured in the background
 * ({@link RedisClockSync}); in between, stamps count from the local clock, strictly increasing within
 * an instance. Until Redis has answered once, the local clock is used as it is.
 */
final class RedisClock {

    /** Hibernate's timestamp unit: milliseconds shifted by 12 bits, 4,096 distinct stamps a millisecond. */
    private static final int SHIFT = 12;

    private static final AtomicLong LAST = new AtomicLong();
    private static volatile long offsetMillis;

    private RedisClock() {}

    static long nextTimestamp() {
        long now = (System.currentTimeMillis() + offsetMillis) << SHIFT;
        return LAST.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** A duration in timestamp units. */
    static long stamps(java.time.Duration duration) {
        return duration.toMillis() << SHIFT;
    }

    /** Measures the offset to Redis's clock, halving the round trip. */
    static void sync(RedissonClient redis) {
        long sentAt = System.currentTimeMillis();
        List<Object> time = redis.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_ONLY, "return redis.call('TIME')", RScript.ReturnType.MULTI);
        long receivedAt = System.currentTimeMillis();
        long redisMillis = Long.parseLong(time.get(0).toString()) * 1000
                + Long.parseLong(time.get(1).toString()) / 1000;
        offsetMillis = redisMillis - (sentAt + receivedAt) / 2;
    }
}
