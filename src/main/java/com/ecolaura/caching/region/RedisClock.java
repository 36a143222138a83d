package com.ecolaura.caching.region;

import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.SharedRedis;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Hibernate's cache timestamps on Redis's clock, without a Redis call per session. Redisson's region
 * factory runs a script in Redis for every {@code nextTimestamp()}, that is for every Hibernate
 * session; this clock instead learns the offset between the local clock and Redis's {@code TIME}
 * every {@value #RESYNC_SECONDS} s, asynchronously, and counts from the local clock in between.
 * Every instance then stamps on (nearly) the same clock, as the query cache's invalidation needs,
 * and within an instance the timestamps strictly increase. Until Redis has answered once, the local
 * clock is used as it is.
 */
final class RedisClock {

    /** Hibernate's timestamp unit: milliseconds shifted by 12 bits, 4,096 distinct stamps a millisecond. */
    private static final int SHIFT = 12;

    private static final long RESYNC_SECONDS = 10;
    private static final long RESYNC_NANOS = TimeUnit.SECONDS.toNanos(RESYNC_SECONDS);

    private static final AtomicLong LAST = new AtomicLong();
    private static final AtomicBoolean SYNCING = new AtomicBoolean();
    private static volatile long offsetMillis;
    private static volatile long syncedAt = System.nanoTime() - RESYNC_NANOS;

    private RedisClock() {}

    static long nextTimestamp() {
        if (System.nanoTime() - syncedAt >= RESYNC_NANOS) {
            resync();
        }
        long now = (System.currentTimeMillis() + offsetMillis) << SHIFT;
        return LAST.updateAndGet(last -> Math.max(last + 1, now));
    }

    private static void resync() {
        if (!SYNCING.compareAndSet(false, true)) {
            return;
        }
        long sentAt = System.currentTimeMillis();
        try {
            SharedRedis.client()
                    .getScript(StringCodec.INSTANCE)
                    .<List<Object>>evalAsync(
                            RScript.Mode.READ_ONLY, "return redis.call('TIME')", RScript.ReturnType.MULTI)
                    .whenComplete((time, failure) -> {
                        if (failure == null) {
                            long receivedAt = System.currentTimeMillis();
                            long redisMillis = Long.parseLong(time.get(0).toString()) * 1000
                                    + Long.parseLong(time.get(1).toString()) / 1000;
                            offsetMillis = redisMillis - (sentAt + receivedAt) / 2;
                        }
                        syncedAt = System.nanoTime();
                        SYNCING.set(false);
                    });
        } catch (RuntimeException e) {
            syncedAt = System.nanoTime();
            SYNCING.set(false);
            RedisFailures.record("time", "clock", e);
        }
    }
}
