package com.ecolaura.caching.metrics;

import com.ecolaura.redis.control.RedisGateway;
import java.time.Duration;

/**
 * What every Redis call did, as the gateway reports it: a cache read's latency per cache, and failed
 * or skipped calls per cache, per second-level region, or per other user of Redis.
 */
final class RedisCallMetrics implements RedisGateway.Calls {

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
        CacheMetrics.countCall(CacheCounter.ERRORS, target);
    }

    @Override
    public void skipped(String operation, String target) {
        CacheMetrics.countCall(CacheCounter.SKIPPED, target);
    }
}
