package com.ecolaura.caching.metrics;

import com.ecolaura.redis.control.RedisGateway;
import java.time.Duration;

/**
 * What every Redis call did, as the gateway reports it: a cache read's latency per cache, and failed
 * or skipped calls per cache, per second-level region, or per other user of Redis.
 */
final class RedisCallMetrics implements RedisGateway.Calls {

    /** The second-level cache's regions are named with this prefix (persistence.xml). */
    private static final String REGION_PREFIX = "ecolaura-l2.";

    @Override
    public void succeeded(String operation, String target, long nanos) {
        if ("get".equals(operation)) {
            var timer = CacheMetrics.timer("get", target);
            if (timer != null) {
                timer.update(Duration.ofNanos(nanos));
            }
        }
    }

    @Override
    public void failed(String operation, String target, RuntimeException failure) {
        count(CacheCounter.ERRORS, target);
    }

    @Override
    public void skipped(String operation, String target) {
        count(CacheCounter.SKIPPED, target);
    }

    /** Per cache, per second-level region, or per other user of Redis ({@code ecolaura_redis_errors_total{target="sessions"}}). */
    private static void count(CacheCounter counter, String target) {
        if (CacheMetrics.isCache(target)) {
            CacheMetrics.count(counter, target);
        } else if (target.startsWith(REGION_PREFIX)) {
            CacheMetrics.regionCount(counter, target);
        } else {
            CacheMetrics.otherRedisCount(counter, target);
        }
    }
}
