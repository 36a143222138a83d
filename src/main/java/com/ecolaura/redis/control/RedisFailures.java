package com.ecolaura.redis.control;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs failed cache calls without flooding the log during an outage: the first failure, then at
 * most one line a period with the number of failures since. A Redis outage is expected, so no
 * stack traces. Every failure also goes to the {@link RedisCircuit}.
 */
final class RedisFailures {

    private static final System.Logger LOG = System.getLogger(RedisFailures.class.getName());
    private static final long PERIOD_NANOS = 30_000_000_000L;

    private static final AtomicLong failures = new AtomicLong();
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - PERIOD_NANOS);

    private RedisFailures() {}

    static void record(String operation, String cacheName, RuntimeException failure) {
        RedisCircuit.failed(failure);
        RedisInfo.outdated();
        long count = failures.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= PERIOD_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.log(
                    Level.WARNING,
                    "cache {0} on {1} failed, served without the cache ({2} failures so far): {3}",
                    operation,
                    cacheName,
                    count,
                    failure.toString());
        }
    }
}
