package com.ecolaura.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Eventually;
import com.ecolaura.testing.Latencies;
import com.ecolaura.testing.ShopInfrastructure;
import com.ecolaura.testing.ShopProcess;
import com.ecolaura.testing.TcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * Two regions on loopback, the link between them slowed by a proxy: region A holds the primary
 * Redis, region B a replica of it (replicating through the slowed link) that B's instances read
 * (docs/scaling.md, "Several regions"). For each one-way latency it measures how long after a
 * write in A a reader in B still sees the old value (the staleness bound of replica reads), how long
 * a near-cache invalidation published in A takes to reach a subscriber in B, and what a read from B
 * costs when it goes to A's primary instead. Figures in docs/scaling.md (also written to
 * {@code target/scaling-geo.md}). The database does not matter here: it runs with the H2 suite only.
 */
@EnabledIf("com.ecolaura.testing.SuiteDatabase#h2")
class GeoStalenessIT {

    private static final int WRITES = 60;
    private static final String CHANNEL = "ecolaura:near-cache:invalidations";
    private static final List<String> ROWS = new ArrayList<>();

    @Test
    void replicaReadsAndInvalidationsLagByTheOneWayLatencyAndNoMore() throws Exception {
        for (int latency : List.of(0, 30, 80)) {
            measure(Duration.ofMillis(latency));
        }
    }

    private static void measure(Duration oneWay) throws IOException, InterruptedException {
        int primaryPort = ShopInfrastructure.freePort();
        var primary = ShopInfrastructure.loopbackRedis(primaryPort);
        primary.start();
        var wan = new TcpProxy(primaryPort);
        var remoteRead = new TcpProxy(primaryPort);
        int replicaPort = ShopInfrastructure.freePort();
        var replica = RedisServer.builder()
                .port(replicaPort)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("replicaof 127.0.0.1 " + wan.port())
                .build();
        replica.start();
        RedissonClient regionA = client(primaryPort);
        RedissonClient regionB = client(replicaPort);
        RedissonClient regionBToA = client(remoteRead.port());
        try {
            Eventually.holds("the replica in sync", Duration.ofSeconds(20), () -> "up"
                    .equals(regionB.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE)
                            .getInstance()
                            .info(org.redisson.api.redisnode.RedisNode.InfoSection.REPLICATION)
                            .get("master_link_status")));
            wan.latency(oneWay);
            remoteRead.latency(oneWay);
            Map<String, Long> delivered = new ConcurrentHashMap<>();
            regionB.getTopic(CHANNEL, StringCodec.INSTANCE)
                    .addListener(String.class, (channel, message) -> delivered.put(message, System.nanoTime()));
            var written = regionA.<String>getBucket("products:42", StringCodec.INSTANCE);
            var replicated = regionB.<String>getBucket("products:42", StringCodec.INSTANCE);
            var remote = regionBToA.<String>getBucket("products:42", StringCodec.INSTANCE);
            var staleness = new ArrayList<Double>();
            var invalidation = new ArrayList<Double>();
            var remoteReads = new ArrayList<Double>();
            for (int i = 0; i < WRITES; i++) {
                String version = "v" + i;
                long writtenAt = System.nanoTime();
                written.set(version);
                regionA.getTopic(CHANNEL, StringCodec.INSTANCE).publish("products\n42\n" + version);
                while (!version.equals(replicated.get())) {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    if (System.nanoTime() - writtenAt > 10_000_000_000L) {
                        throw new AssertionError("the replica never saw " + version);
                    }
                }
                staleness.add((System.nanoTime() - writtenAt) / 1e6);
                String message = "products\n42\n" + version;
                while (!delivered.containsKey(message)) {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    if (System.nanoTime() - writtenAt > 10_000_000_000L) {
                        throw new AssertionError("invalidation " + version + " never delivered");
                    }
                }
                invalidation.add((delivered.get(message) - writtenAt) / 1e6);
                long readAt = System.nanoTime();
                assertEquals(version, remote.get(), "a read from the primary is never stale");
                remoteReads.add((System.nanoTime() - readAt) / 1e6);
                ShopProcess.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextInt(5, 20)));
            }
            var stale = Latencies.of(staleness);
            var invalidated = Latencies.of(invalidation);
            var cross = Latencies.of(remoteReads);
            String row = String.format(
                    Locale.ROOT,
                    "| %d ms | %.0f / %.0f / %.0f ms | %.0f / %.0f / %.0f ms | %.0f ms |",
                    oneWay.toMillis(),
                    stale.percentile(50),
                    stale.percentile(99),
                    stale.max(),
                    invalidated.percentile(50),
                    invalidated.percentile(99),
                    invalidated.max(),
                    cross.percentile(50));
            System.out.println("GEO " + row);
            ROWS.add(row);
            long latency = oneWay.toMillis();
            assertTrue(stale.percentile(50) >= latency * 0.9, "the injected latency applies: " + row);
            assertTrue(stale.max() <= latency + 100, "replica staleness bounded by latency + 100 ms: " + row);
            assertTrue(invalidated.max() <= latency + 100, "invalidation bounded by latency + 100 ms: " + row);
            assertTrue(cross.percentile(50) >= 2 * latency * 0.9, "a remote read costs a round trip: " + row);
        } finally {
            regionA.shutdown();
            regionB.shutdown();
            regionBToA.shutdown();
            wan.close();
            remoteRead.close();
            replica.stop();
            primary.stop();
        }
    }

    private static RedissonClient client(int port) {
        var config = new Config();
        config.useSingleServer()
                .setAddress("redis://127.0.0.1:" + port)
                .setTimeout(5_000)
                .setConnectionMinimumIdleSize(2);
        return Redisson.create(config);
    }

    @AfterAll
    static void writeFigures() throws IOException {
        if (ROWS.isEmpty()) {
            return;
        }
        var text = new StringBuilder("| one-way latency A↔B | replica read in B stale for (p50 / p99 / max) "
                + "| invalidation A→B (p50 / p99 / max) | read in B from A's primary (p50) |\n"
                + "|---|---|---|---|\n");
        ROWS.forEach(row -> text.append(row).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "scaling-geo.md"), text);
    }
}
