package com.ecolaura.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Eventually;
import com.ecolaura.testing.FaultyRedis;
import com.ecolaura.testing.Poll;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import com.ecolaura.testing.SuiteDatabase;
import com.ecolaura.testing.TcpProxy;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/**
 * Redis killed, frozen, cut off, slowed, restarted empty and squeezed, each under load from
 * shoppers and an editor: no request may fail, nothing stale may be read once Redis is back, and
 * the cache must come back by itself. Each fault prints one row of docs/reliability.md (also
 * written to {@code target/reliability-<database>.md}). Redis runs with the shipped ACL user.
 *
 * <p>The suite runs it on PostgreSQL, the production database, where the change stream also
 * invalidates; on H2 only when asked ({@code -Decolaura.test.faults-on-h2=true}): Redis fails the
 * same way under either, and five minutes twice kept the suite over its budget.
 */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf("onPostgresqlOrAsked")
class RedisFaultsIT {

    static boolean onPostgresqlOrAsked() {
        return SuiteDatabase.postgresql() || Boolean.getBoolean("ecolaura.test.faults-on-h2");
    }

    private static final Duration WARM_UP = Duration.ofSeconds(6);
    private static final Duration RECOVERY = Duration.ofSeconds(12);
    private static final List<FaultFigures> FIGURES = new ArrayList<>();
    private static List<EditedProduct> edited;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-resilient")
    static WebArchive shop() {
        return ShopDeployment.war();
    }

    @ArquillianResource
    URL deployment;

    private final FaultyRedis redis = ShopInfrastructure.resilienceRedis();
    private final TcpProxy link = ShopInfrastructure.resilienceLink();

    @Test
    @Order(1)
    void redisKilledForThirtySeconds() {
        var figures = underLoad(
                "Redis killed (SIGKILL) for 30 s, restarted empty", Duration.ofSeconds(30), redis::kill, redis::start);
        assertFaultHandled(figures, true);
    }

    @Test
    @Order(2)
    void redisFrozenForTenSeconds() {
        var figures = underLoad(
                "Redis frozen (SIGSTOP) for 10 s, data kept", Duration.ofSeconds(10), redis::freeze, redis::thaw);
        assertFaultHandled(figures, true);
    }

    @Test
    @Order(3)
    void linkCutForTenSeconds() {
        var figures = underLoad(
                "link cut for 10 s (connections dropped, new ones black-holed)",
                Duration.ofSeconds(10),
                link::cut,
                link::heal);
        assertFaultHandled(figures, true);
    }

    @Test
    @Order(4)
    void linkSlowedBeyondTheTimeoutForTenSeconds() {
        var figures = underLoad(
                "link slowed by 2 s per packet for 10 s (timeout 0.5 s)",
                Duration.ofSeconds(10),
                () -> link.slow(Duration.ofSeconds(2)),
                link::heal);
        assertFaultHandled(figures, true);
    }

    @Test
    @Order(5)
    void linkSlowedWithinTheTimeout() {
        var figures = underLoad(
                "link slowed by 50 ms per packet for 10 s",
                Duration.ofSeconds(10),
                () -> link.slow(Duration.ofMillis(50)),
                link::heal);
        assertFaultHandled(figures, false);
    }

    @Test
    @Order(6)
    void redisRestartedEmpty() {
        var figures = underLoad(
                "Redis restarted empty",
                Duration.ZERO,
                () -> {
                    redis.kill();
                    redis.start();
                },
                () -> {});
        assertFaultHandled(figures, false);
    }

    @Test
    @Order(7)
    void tinyMaxmemoryWithAllKeysLru() {
        var figures = squeezed("allkeys-lru");
        assertFaultHandled(figures, false);
    }

    @Test
    @Order(8)
    void tinyMaxmemoryWithNoEviction() {
        var figures = squeezed("noeviction");
        assertFaultHandled(figures, false);
    }

    @Test
    @Order(9)
    void aCacheOverItsEntryCapLosesItsLeastRecentlyUsedEntriesNotTheWholeCache() {
        var shop = new ShopClient(deployment);
        var searches = redis.ops().<String, String>getMap("search-results", StringCodec.INSTANCE);
        String hot = "api/search?q=linen";
        double trimmed = shop.metric("ecolaura_cache_trimmed_total{cache=\"search-results\"");
        for (int n = 0; n < 90; n++) {
            assertEquals(200, shop.get("api/search?q=cold" + n).status());
            if (n % 10 == 0) {
                shop.get(hot);
                FaultLoad.pause(1100); // one trim interval: the hot page is used after the cold ones before it
            }
        }
        shop.get(hot);

        Eventually.holds("search-results within its cap of 40", Duration.ofSeconds(10), () -> searches.size() <= 40);
        var kept = searches.readAllKeySet();
        assertTrue(kept.stream().anyMatch(key -> key.contains("q=linen&")), "the hot page stayed: " + kept);
        assertTrue(kept.stream().noneMatch(key -> key.contains("q=cold0&")), "the coldest page went: " + kept);
        assertTrue(kept.size() >= 20, "cold entries went, not the whole cache: " + kept.size());
        assertTrue(shop.metric("ecolaura_cache_trimmed_total{cache=\"search-results\"") > trimmed);
    }

    @Test
    @Order(99)
    void theShippedAclUserNeededNoOtherCommand() {
        assertEquals(List.of(), redis.refusedCommands(), "commands the ACL of server-config/redis/users.acl refused");
    }

    /**
     * Redis squeezed to half the memory it uses: what its own eviction does to a cache that lives in
     * one hash per cache, and what a full Redis does to writes.
     */
    private FaultFigures squeezed(String policy) {
        var note = new java.util.concurrent.atomic.AtomicReference<String>("");
        var evictedBefore = new java.util.concurrent.atomic.AtomicLong();
        return underLoad(
                "maxmemory at half the memory in use, " + policy + ", for 10 s",
                Duration.ofSeconds(10),
                () -> {
                    var info = redis.info();
                    evictedBefore.set(Long.parseLong(info.get("evicted_keys")));
                    long used = Long.parseLong(info.get("used_memory"));
                    redis.config("maxmemory-policy", policy);
                    redis.config("maxmemory", Long.toString(used / 2));
                    note.set(String.format(
                            java.util.Locale.ROOT,
                            "maxmemory %.1f MB (in use %.1f MB, %s keys)",
                            used / 2 / 1e6,
                            used / 1e6,
                            info.get("db0")));
                },
                () -> {
                    var info = redis.info();
                    long evicted = Long.parseLong(info.get("evicted_keys")) - evictedBefore.get();
                    redis.config("maxmemory", "0");
                    note.set(note.get() + "; Redis evicted " + evicted + " keys; at the end "
                            + java.util.Objects.requireNonNullElse(info.get("db0"), "no keys"));
                },
                note::get);
    }

    private FaultFigures underLoad(String fault, Duration length, Runnable inject, Runnable heal) {
        return underLoad(fault, length, inject, heal, () -> "");
    }

    private FaultFigures underLoad(
            String fault, Duration length, Runnable inject, Runnable heal, java.util.function.Supplier<String> notes) {
        var shop = new ShopClient(deployment);
        if (edited == null) {
            edited = IntStream.range(0, 12)
                    .mapToObj(i -> EditedProduct.create(shop))
                    .toList();
        }
        double errorsBefore = cacheErrors(shop);
        double openingsBefore = shop.metric("ecolaura_cache_circuit_openings");
        long startedAt = System.nanoTime();
        FaultFigures figures;
        try (var load = new FaultLoad(shop, edited, 6)) {
            FaultLoad.pause(WARM_UP.toMillis());
            long faultAt = System.nanoTime();
            inject.run();
            FaultLoad.pause(length.toMillis());
            heal.run();
            long healedAt = System.nanoTime();
            double secondsToFirstHit = secondsToFirstHit(shop, healedAt);
            FaultLoad.pause(Math.max(0, RECOVERY.toMillis() - (System.nanoTime() - healedAt) / 1_000_000));
            load.close();
            long staleAtTheEnd = edited.stream()
                    .filter(p -> shop.get("api/products/" + p.id())
                                    .json()
                                    .get("version")
                                    .asLong()
                            < load.committedVersion(p.id()))
                    .count();
            var all = load.between(startedAt, Long.MAX_VALUE);
            var steady = load.between(startedAt + 2_000_000_000L, faultAt);
            var during = load.between(faultAt, Math.max(healedAt, faultAt + 1_000_000_000L));
            figures = new FaultFigures(
                    fault,
                    all.size(),
                    all.stream().filter(FaultLoad.Request::failed).count(),
                    FaultLoad.latencies(steady).percentile(99),
                    FaultLoad.latencies(steady, sql -> sql > 0).percentile(99),
                    FaultLoad.latencies(during).percentile(99),
                    cacheErrors(shop) - errorsBefore,
                    shop.metric("ecolaura_cache_circuit_openings") - openingsBefore,
                    secondsToFirstHit,
                    load.staleReadsStartedAfter(healedAt),
                    staleAtTheEnd,
                    notes.get());
            load.staleReads().forEach(stale -> System.out.println("STALE " + fault + ": " + stale));
        }
        System.out.println("RELIABILITY " + figures.row());
        FIGURES.add(figures);
        return figures;
    }

    private static void assertFaultHandled(FaultFigures figures, boolean redisUnreachable) {
        assertEquals(0, figures.failed(), "failed requests: " + figures.row());
        assertEquals(0, figures.staleReadsAfterRecovery(), "stale reads after recovery: " + figures.row());
        assertEquals(0, figures.staleAfterTheRun(), "stale products once the load stopped: " + figures.row());
        assertTrue(!Double.isNaN(figures.secondsToFirstHit()), "the cache served again after: " + figures.row());
        if (redisUnreachable) {
            assertTrue(figures.cacheErrors() > 0, "the failed cache calls were counted: " + figures.row());
            assertTrue(figures.circuitOpenings() >= 1, "the circuit opened: " + figures.row());
        }
    }

    /** Seconds from recovery until the first cache hit (NaN if none within 60 s). */
    private static double secondsToFirstHit(ShopClient shop, long healedAt) {
        double hitsAtRecovery = shop.metricSum("ecolaura_cache_hits_total");
        var left = Duration.ofSeconds(60).minusNanos(System.nanoTime() - healedAt);
        boolean hit = Poll.until(
                left, Duration.ofMillis(100), () -> shop.metricSum("ecolaura_cache_hits_total") > hitsAtRecovery);
        return hit ? (System.nanoTime() - healedAt) / 1e9 : Double.NaN;
    }

    private static double cacheErrors(ShopClient shop) {
        return shop.metricSum("ecolaura_cache_errors_total")
                + shop.metricSum("ecolaura_cache_skipped_total")
                + shop.metricSum("ecolaura_cache_region_errors_total")
                + shop.metricSum("ecolaura_cache_region_skipped_total");
    }

    @AfterAll
    static void writeFigures() throws IOException {
        var text = new StringBuilder(FaultFigures.HEADER).append('\n');
        FIGURES.forEach(f -> text.append(f.row()).append('\n'));
        String database = SuiteDatabase.name();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "reliability-" + database + ".md"), text);
        System.out.println(text);
    }
}
