package com.ecolaura.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Eventually;
import com.ecolaura.testing.RedisCluster;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import com.ecolaura.testing.SuiteDatabase;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shop on a real Redis Cluster (three masters, a replica each, the shipped cluster.yaml and ACL
 * user): its keys spread over every master, each cache's companions on its cache's slot, and a
 * master SIGKILLed under load fails no request while its replica takes over. The failover's figures
 * go to docs/scaling.md (also written to {@code target/scaling-cluster-<database>.md}).
 * The database is not its subject: it runs in the suite's PostgreSQL half only ({@link
 * com.ecolaura.testing.SuiteDatabase}).
 */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf("com.ecolaura.testing.SuiteDatabase#postgresql")
class RedisClusterIT {

    private static final Duration WARM_UP = Duration.ofSeconds(6);
    private static final Duration RECOVERY = Duration.ofSeconds(12);

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-cluster")
    static WebArchive shop() {
        return ShopDeployment.war();
    }

    @ArquillianResource
    URL deployment;

    private final RedisCluster cluster = ShopInfrastructure.cluster();

    @Test
    @Order(1)
    void everyMasterHoldsKeysAndEachCacheSharesItsSlotWithTheKeysThatGuardIt() {
        var shop = new ShopClient(deployment);
        var edited = EditedProduct.create(shop);
        for (int id = 1; id <= 60; id++) {
            assertEquals(200, shop.get("api/products/" + id).status());
            assertEquals(
                    200,
                    shop.get("api/products/" + id + "/sustainability-score").status());
        }
        assertEquals(200, shop.get("api/search?q=bamboo").status());
        assertEquals(200, shop.get("api/products/trending").status());
        assertEquals(
                200, shop.put("api/products/" + edited.id(), edited.body(7)).status());
        double hits = shop.metric("ecolaura_cache_hits_total{cache=\"products\"");
        assertEquals(200, shop.get("api/products/" + (1 + 60 + 5)).status());
        Eventually.holds("a product read twice is a hit", Duration.ofSeconds(10), () -> {
            shop.get("api/products/70");
            return shop.metric("ecolaura_cache_hits_total{cache=\"products\"") > hits;
        });

        var masters = cluster.masters();
        assertEquals(3, masters.size(), "masters: " + masters);
        for (int master : masters) {
            System.out.printf(
                    Locale.ROOT,
                    "SCALING master 127.0.0.1:%d holds %d keys, e.g. %s%n",
                    master,
                    cluster.keysOn(master),
                    cluster.sampleKeys(master, 6));
            assertTrue(cluster.keysOn(master) > 0, "master " + master + " holds keys");
        }
        for (String cache : List.of("products", "sustainability-scores", "search-results")) {
            int home = cluster.masterOf(cache);
            assertEquals(home, cluster.masterOf("jcache_timeout_set:{" + cache + "}"), cache);
            assertEquals(home, cluster.masterOf("ecolaura:evictions:{" + cache + "}"), cache);
            assertEquals(home, cluster.masterOf("ecolaura:recency:{" + cache + "}"), cache);
            assertTrue(cluster.keysOn(home) > 0);
        }
        assertEquals(
                cluster.masterOf("search-results"),
                cluster.masterOf("ecolaura:search-tags:{search-results}:product:" + edited.id()));
    }

    @Test
    @Order(2)
    void aMasterKilledUnderLoadFailsNoRequestAndItsReplicaTakesOverWithinSeconds() throws IOException {
        var shop = new ShopClient(deployment);
        var edited =
                IntStream.range(0, 12).mapToObj(i -> EditedProduct.create(shop)).toList();
        int victim = cluster.masterOf("products");
        double openingsBefore = shop.metric("ecolaura_cache_circuit_openings");
        double errorsBefore = shop.metricSum("ecolaura_cache_errors_total");
        long startedAt = System.nanoTime();
        String row;
        try (var load = new FaultLoad(shop, edited, 6)) {
            FaultLoad.pause(WARM_UP.toMillis());
            long killedAt = System.nanoTime();
            cluster.kill(victim);
            Eventually.holds("a replica took over the killed master's slots", Duration.ofSeconds(30), () -> {
                var masters = cluster.masters();
                return masters.size() == 3 && !masters.contains(victim) && cluster.healthy();
            });
            long failedOverAt = System.nanoTime();
            double redisHits = redisHits(shop);
            Eventually.holds("products served from Redis again", Duration.ofSeconds(30), () -> {
                shop.get("api/products/" + (1 + (System.nanoTime() / 1000) % 50));
                return redisHits(shop) > redisHits;
            });
            long cachingAgainAt = System.nanoTime();
            FaultLoad.pause(RECOVERY.toMillis());
            load.close();
            long staleAtTheEnd = edited.stream()
                    .filter(p -> shop.get("api/products/" + p.id())
                                    .json()
                                    .get("version")
                                    .asLong()
                            < load.committedVersion(p.id()))
                    .count();
            var all = load.between(startedAt, Long.MAX_VALUE);
            long failed = all.stream().filter(FaultLoad.Request::failed).count();
            var steady = load.between(startedAt + 2_000_000_000L, killedAt);
            var during = load.between(killedAt, cachingAgainAt);
            row = String.format(
                    Locale.ROOT,
                    "| master holding `products` SIGKILLed under load | %d | %d | %.1f s | %.1f s | %.0f ms | %.0f ms "
                            + "| %.0f | %.0f | %d | %d |",
                    all.size(),
                    failed,
                    (failedOverAt - killedAt) / 1e9,
                    (cachingAgainAt - killedAt) / 1e9,
                    FaultLoad.latencies(steady).percentile(99),
                    FaultLoad.latencies(during).percentile(99),
                    shop.metricSum("ecolaura_cache_errors_total") - errorsBefore,
                    shop.metric("ecolaura_cache_circuit_openings") - openingsBefore,
                    load.staleReadsStartedAfter(cachingAgainAt),
                    staleAtTheEnd);
            load.staleReads().forEach(stale -> System.out.println("STALE cluster failover: " + stale));
            assertEquals(0, failed, "failed requests: " + row);
            assertEquals(0, load.staleReadsStartedAfter(cachingAgainAt), "stale reads after failover: " + row);
            assertEquals(0, staleAtTheEnd, "stale products once the load stopped: " + row);
        }
        String text = "| fault | requests | failed | failover (slots served again) | cache back in the shop "
                + "| p99 steady | p99 until cache back | cache errors | circuit openings | stale reads after | "
                + "stale at the end |\n|---|---|---|---|---|---|---|---|---|---|---|\n" + row + "\n";
        System.out.println("SCALING\n" + text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "scaling-cluster-" + SuiteDatabase.name() + ".md"), text);
    }

    /** Product reads answered by Redis (hits include the near cache's). */
    private static double redisHits(ShopClient shop) {
        return shop.metric("ecolaura_cache_hits_total{cache=\"products\"")
                - shop.metric("ecolaura_cache_near_hits_total{cache=\"products\"");
    }

    @Test
    @Order(99)
    void theShippedAclUserNeededNoOtherCommandOnAnyNode() {
        for (int master : cluster.masters()) {
            assertEquals(List.of(), cluster.refusedCommands(master), "ACL LOG of 127.0.0.1:" + master);
        }
    }
}
