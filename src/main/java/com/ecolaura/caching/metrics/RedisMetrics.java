package com.ecolaura.caching.metrics;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.redis.control.RedisInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.redisson.client.codec.StringCodec;

/**
 * Redis as the shop sees it: whether every master answers its client and the round trip of a PING,
 * each cache's size and memory, and the circuit breaker in front of Redis. Redis's own figures
 * (memory, evictions, expirations, keyspace hits, clients, commands, latency) are redis_exporter's
 * (server-config/prometheus): the exporter reads them from Redis itself, for every node, without a
 * call on the shop's connections. The two kept here are the shop's side of it, which the exporter,
 * elsewhere, cannot see.
 */
@ApplicationScoped
public class RedisMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes Startup startup) {
        CacheMetrics.gauge(Gauge.CIRCUIT_OPEN, null, () -> RedisCircuit.isOpen() ? 1 : 0);
        CacheMetrics.gauge(Gauge.CIRCUIT_OPENINGS, null, RedisCircuit::openings);
        info("ecolaura.redis.up", "1 when every Redis master answers PING", MetricUnits.NONE, s -> s.up() ? 1 : 0);
        info("ecolaura.redis.ping", "Round trip of a PING", MetricUnits.SECONDS, RedisInfo.Snapshot::pingSeconds);
        for (String cache : CacheNames.ALL) {
            registry.gauge(
                    Metadata.builder()
                            .withName("ecolaura.cache.entries")
                            .withDescription("Entries in the cache")
                            .build(),
                    cache,
                    RedisMetrics::entries,
                    new Tag("cache", cache));
            registry.gauge(
                    Metadata.builder()
                            .withName("ecolaura.cache.memory")
                            .withDescription("Redis memory of the cache's hash")
                            .withUnit(MetricUnits.BYTES)
                            .build(),
                    cache,
                    RedisMetrics::memory,
                    new Tag("cache", cache));
        }
    }

    private void info(String name, String description, String unit, ToDoubleFunction<RedisInfo.Snapshot> value) {
        registry.gauge(
                Metadata.builder()
                        .withName(name)
                        .withDescription(description)
                        .withUnit(unit)
                        .build(),
                value,
                function -> function.applyAsDouble(RedisInfo.current()));
    }

    /** What the gauges' own calls count as (a cache's errors are those its reads and writes met). */
    private static final String METRICS = "metrics";

    /** Entries in the cache's hash; NaN when Redis cannot say. */
    public static double entries(String cache) {
        return RedisGateway.instance()
                .call(
                        "size",
                        METRICS,
                        redis -> (double)
                                redis.getMap(cache, StringCodec.INSTANCE).size(),
                        Double.NaN);
    }

    /** Memory of the cache's hash; NaN when Redis cannot say. */
    public static double memory(String cache) {
        return RedisGateway.instance()
                .call(
                        "memory",
                        METRICS,
                        redis -> (double)
                                redis.getMap(cache, StringCodec.INSTANCE).sizeInMemory(),
                        Double.NaN);
    }
}
