package com.ecolaura.caching.store;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.region.GuardedRegionStorage;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.Settings;
import com.ecolaura.redis.control.SharedRedis;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.redisson.client.codec.StringCodec;

/**
 * Brings caching back after an outage, without serving what the outage left stale. Every
 * {@code ecolaura.redis.circuit.probe-interval} (1 s) while the {@link RedisCircuit} is open it
 * probes Redis; once Redis answers it replays the evictions Redis missed ({@link MissedEvictions})
 * and clears the second-level cache if one of its writes missed ({@link GuardedRegionStorage}),
 * and only then closes the circuit. A missed eviction while the circuit is closed (one failed call)
 * is replayed the same way at the next tick.
 */
@ApplicationScoped
public class CircuitRecovery {

    private static final System.Logger LOG = System.getLogger(CircuitRecovery.class.getName());
    private static final String PROBE_KEY = "ecolaura:circuit:probe";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CacheAccess cache;

    @Inject
    MissedEvictions missed;

    private ScheduledFuture<?> ticking;

    /** Also with caching off: sessions live in Redis and go through the same circuit. */
    void start(@Observes Startup startup) {
        CacheMetrics.gauge(
                "circuit.open",
                "1 while the Redis circuit breaker is open (no cache call tried), else 0",
                null,
                () -> RedisCircuit.isOpen() ? 1 : 0);
        CacheMetrics.gauge(
                "circuit.openings", "Times the Redis circuit breaker opened since start", null, RedisCircuit::openings);
        long interval = Settings.duration("ecolaura.redis.circuit.probe-interval", Duration.ofSeconds(1))
                .toMillis();
        ticking = scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    void tick() {
        try {
            if (RedisCircuit.isOpen()) {
                if (answers() && recover()) {
                    RedisCircuit.close();
                }
            } else if (!missed.isEmpty() || GuardedRegionStorage.isSuspect()) {
                recover();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cache recovery failed, retried at the next tick: {0}", e.toString());
        }
    }

    private static boolean answers() {
        try {
            SharedRedis.client().getBucket(PROBE_KEY, StringCodec.INSTANCE).isExists();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean recover() {
        var pending = missed.snapshot();
        boolean replayed = cache.replayMissedEvictions();
        boolean regions = GuardedRegionStorage.clearIfSuspect();
        if (!pending.isEmpty() && replayed) {
            LOG.log(Level.INFO, "replayed the evictions Redis missed: {0}", pending.keySet());
        }
        return replayed && regions;
    }
}
