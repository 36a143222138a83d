package com.ecolaura.redis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.ShopInfrastructure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/** The decaying top-N's script, on a real redis-server. */
class DecayingCountsTest {

    private static final Duration HALF_LIFE = Duration.ofHours(1);
    private static RedisServer server;
    private static RedissonClient redis;

    @BeforeAll
    static void start() throws IOException {
        int port = ShopInfrastructure.freePort();
        server = ShopInfrastructure.loopbackRedis(port);
        server.start();
        var config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
        redis = Redisson.create(config);
    }

    @AfterAll
    static void stop() {
        redis.shutdown();
        server.stop();
    }

    @Test
    void countsHalveEveryHalfLifeAndTheTotalWithThem() {
        var counts = new DecayingCounts("hot", "test-decay", HALF_LIFE, 10, Duration.ofDays(1));
        long t0 = 1_000_000_000L;

        counts.add(redis, Map.of("a", 8L, "b", 2L), t0);
        counts.add(redis, Map.of("c", 3L), t0 + HALF_LIFE.toMillis());

        assertEquals(Map.of("*", 8.0, "a", 4.0, "c", 3.0, "b", 1.0), scores(counts.top(redis, 10)));
        assertEquals("*", counts.top(redis, 10).get(0).member(), "the total comes first");
    }

    @Test
    void onlyTheLargestAreKeptAndTheKeysExpire() {
        var counts = new DecayingCounts("hot", "test-trim", HALF_LIFE, 2, Duration.ofMinutes(5));

        counts.add(redis, Map.of("a", 5L, "b", 1L, "c", 3L, "d", 2L), 0);

        assertEquals(Map.of("*", 11.0, "a", 5.0, "c", 3.0), scores(counts.top(redis, 10)));
        long ttl = redis.getKeys().remainTimeToLive(counts.key());
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(5).toMillis(), "expires: " + ttl);
        assertTrue(redis.getBucket(counts.key() + ":scaled-at", StringCodec.INSTANCE)
                        .remainTimeToLive()
                > 0);
    }

    @Test
    void aSmallStepInTimeScalesNothing() {
        var counts = new DecayingCounts("hot", "test-step", HALF_LIFE, 10, Duration.ofDays(1));

        counts.add(redis, Map.of("a", 4L), 0);
        counts.add(redis, Map.of("a", 4L), HALF_LIFE.toMillis() / 64);

        assertEquals(Map.of("*", 8.0, "a", 8.0), scores(counts.top(redis, 10)));
    }

    private static Map<String, Double> scores(List<DecayingCounts.Scored> top) {
        return top.stream().collect(Collectors.toMap(DecayingCounts.Scored::member, DecayingCounts.Scored::score));
    }
}
