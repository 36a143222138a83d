package com.ecolaura.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Eventually;
import com.ecolaura.testing.RedisProbe;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopInfrastructure;
import com.ecolaura.testing.ShopProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

/**
 * One shop instance (a Payara Micro process of its own, on a database that survives its restart)
 * that learns which products are hot and what shoppers look at next: restarted after its caches
 * were emptied, it is warm before it says it is ready; a product usually viewed next is prefetched
 * into its near cache before the shopper asks for it.
 */
@ExtendWith(ShopInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmingAndPrefetchIT {

    private static final List<Long> HOT =
            LongStream.rangeClosed(301, 320).boxed().toList();
    private static ShopProcess shop;
    private static Path folder;
    private static RedisServer redisServer;
    private static String redisAddress;

    /** A Redis of its own: its instance's database is not the other classes', nor are its cached entries. */
    @BeforeAll
    static void start() throws IOException {
        int port = ShopInfrastructure.freePort();
        redisServer = ShopInfrastructure.loopbackRedis(port);
        redisServer.start();
        redisAddress = "redis://127.0.0.1:" + port;
        folder = Files.createDirectories(Path.of("target", "scaling-it"));
        shop = startShop("first", "10000");
    }

    private static RedisProbe redis() {
        return new RedisProbe(redisAddress);
    }

    /** {@code wholeCatalogUpTo}: the catalog (2,000 products) is warmed whole where that is at least 2,000. */
    private static ShopProcess startShop(String name, String wholeCatalogUpTo) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ecolaura.redis.address", redisAddress);
        settings.put("ecolaura.db.url", System.getProperty("ecolaura.test.scaling.db.url"));
        settings.put("ecolaura.db.user", System.getProperty("ecolaura.test.db.user", ""));
        settings.put("ecolaura.management.port", System.getProperty("ecolaura.test.management.port"));
        settings.put("ecolaura.catalog.sample-size", "2000");
        settings.put("ecolaura.warming.top", Integer.toString(HOT.size()));
        settings.put("ecolaura.warming.flush-interval", "PT0.5S");
        settings.put("ecolaura.warming.catalog-products", wholeCatalogUpTo);
        // a cold JVM on a busy CI machine may take longer than the default minute to warm 2,000
        settings.put("ecolaura.warming.max-duration", "PT5M");
        settings.put("ecolaura.warming.rehearsal", "PT3S");
        settings.put("ecolaura.prefetch.flush-interval", "PT0.5S");
        settings.put("ecolaura.prefetch.model-refresh", "PT0.5S");
        return ShopProcess.start(name, ShopInfrastructure.freePort(), settings, folder);
    }

    private static ShopClient client() throws IOException {
        return new ShopClient(URI.create("http://127.0.0.1:" + shop.port + "/").toURL());
    }

    @Test
    @Order(1)
    void startedOnAnEmptyRedisItWarmsTheWholeCatalogBeforeItIsReady() throws Exception {
        var client = client();

        assertEquals(1, client.metric("ecolaura_cache_warming_done"), "ready only once warm");
        assertEquals(2000, client.metric("ecolaura_cache_warming_warmed"), "nothing hot yet: the catalog, whole");
        try (var redis = redis()) {
            assertTrue(redis.hasField("products", "1777"), "a product nobody viewed, in Redis");
        }
        double loads = client.metric("ecolaura_catalog_product_loads_total");
        var first = client.get("api/products/1777");

        assertEquals(200, first.status());
        assertEquals(0, first.sqlStatements(), "its first view ran no SQL");
        assertEquals(loads, client.metric("ecolaura_catalog_product_loads_total"));
    }

    /** A catalog over {@code ecolaura.warming.catalog-products} (here 1,999): only what is hot. */
    @Test
    @Order(2)
    void restartedWithEmptyCachesItWarmsTheHotProductsBeforeItIsReady() throws Exception {
        var client = client();
        for (int i = 0; i < HOT.size(); i++) {
            for (int views = 0; views < 30 - i; views++) {
                assertEquals(200, client.get("api/products/" + HOT.get(i)).status());
            }
        }
        try (var redis = redis()) {
            Eventually.holds("the hot products counted in Redis", Duration.ofSeconds(10), () -> redis.topOf(
                            "ecolaura:hot:{products}", HOT.size() + 1)
                    .containsAll(HOT.stream().map(String::valueOf).toList()));
            shop.close();
            redis.clear("products");
            redis.clear("sustainability-scores");

            shop = startShop("restarted", "1999");
            client = client();

            assertEquals(1, client.metric("ecolaura_cache_warming_done"), "ready only once warm");
            assertEquals(HOT.size(), client.metric("ecolaura_cache_warming_warmed"));
            // a cold JVM on two cores rehearsed from 94 to thousands of reads in its 3 s: that it ran is the point
            assertTrue(client.metric("ecolaura_cache_warming_rehearsed") > 0, "reads rehearsed for the JIT");
            for (long id : HOT) {
                assertTrue(redis.hasField("products", Long.toString(id)), "product " + id + " in Redis");
            }
        }
        double loads = client.metric("ecolaura_catalog_product_loads_total");
        double nearHits = client.metric("ecolaura_cache_near_hits_total{cache=\"products\"");
        double misses = client.metric("ecolaura_cache_misses_total{cache=\"products\"");
        assertEquals(0, misses, "warming and the rehearsal read quietly: no miss counted");

        var first = client.get("api/products/" + HOT.get(7));

        assertEquals(0, first.sqlStatements(), "the first request after the restart ran no SQL");
        assertEquals(nearHits + 1, client.metric("ecolaura_cache_near_hits_total{cache=\"products\""));
        assertEquals(loads, client.metric("ecolaura_catalog_product_loads_total"));
        assertEquals(misses, client.metric("ecolaura_cache_misses_total{cache=\"products\""), "warming counts no miss");
    }

    @Test
    @Order(3)
    void whatAShopperViewsAfterAProductIsLearntInRedis() throws Exception {
        var shopper = client().signedInAs("user-12");
        for (int round = 0; round < 4; round++) {
            assertEquals(200, shopper.get("api/products/401").status());
            assertEquals(200, shopper.get("api/products/402").status());
        }
        try (var redis = redis()) {
            Eventually.holds("402 learnt as what follows 401", Duration.ofSeconds(10), () -> redis.topOf(
                            "ecolaura:next:{401}", 2)
                    .containsAll(List.of("*", "402")));
            Eventually.holds(
                    "and 401 as what follows 402", Duration.ofSeconds(10), () -> redis.topOf("ecolaura:next:{402}", 2)
                            .containsAll(List.of("*", "401")));
        }
    }

    /**
     * The model as instances learn it (here written straight into Redis, so that no earlier view of
     * the product has cached it): the next product follows the viewed one.
     */
    @Test
    @Order(4)
    void theProductUsuallyViewedNextIsPrefetchedIntoTheNearCache() throws Exception {
        var client = client();
        var shopper = client.signedInAs("user-13");
        try (var redis = redis()) {
            // the start's JIT rehearsal cached products drawn at random: three it left alone
            long viewed = LongStream.iterate(411, id -> id + 10)
                    .filter(id ->
                            LongStream.range(id, id + 3).noneMatch(p -> redis.hasField("products", Long.toString(p))))
                    .findFirst()
                    .orElseThrow();
            String next = Long.toString(viewed + 1);
            String rare = Long.toString(viewed + 2);
            redis.score("ecolaura:next:{" + viewed + "}", "*", 5);
            redis.score("ecolaura:next:{" + viewed + "}", next, 4);
            redis.score("ecolaura:next:{" + viewed + "}", rare, 1);
            double issued = client.metric("ecolaura_cache_prefetch_issued");
            double used = client.metric("ecolaura_cache_prefetch_used");
            double loads = client.metric("ecolaura_catalog_product_loads_total");

            assertEquals(200, shopper.get("api/products/" + viewed).status());

            Eventually.holds(
                    next + " prefetched, " + rare + " (a fifth of what followed) not",
                    Duration.ofSeconds(10),
                    () -> client.metric("ecolaura_cache_prefetch_issued") == issued + 1
                            && redis.hasField("products", next));
            assertFalse(redis.hasField("products", rare));
            double nearHits = client.metric("ecolaura_cache_near_hits_total{cache=\"products\"");
            var nextView = shopper.get("api/products/" + next);
            assertEquals(0, nextView.sqlStatements(), next + " was there before the shopper asked");
            assertEquals(nearHits + 1, client.metric("ecolaura_cache_near_hits_total{cache=\"products\""));
            // views are taken into account off the request thread, within a delivery interval
            Eventually.holds(
                    "the prefetch of " + next + " counted used",
                    Duration.ofSeconds(5),
                    () -> client.metric("ecolaura_cache_prefetch_used") == used + 1);
            assertEquals(loads + 2, client.metric("ecolaura_catalog_product_loads_total"), "both viewed, once each");
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (shop != null) {
            shop.close();
        }
        redisServer.stop();
    }
}
