package com.ecolaura.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Eventually;
import com.ecolaura.testing.Latencies;
import com.ecolaura.testing.RedisProbe;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Freshness and stampedes on two shop instances sharing Redis and one database (searches expire
 * after 2 s here, without early refresh, and sessions after 3 s idle). The figures each test
 * measures are printed.
 */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
class FreshnessIT {

    @Deployment(name = "a", testable = false)
    @TargetsContainer("instance-a")
    static WebArchive instanceA() {
        return ShopDeployment.war();
    }

    @Deployment(name = "b", testable = false)
    @TargetsContainer("instance-b")
    static WebArchive instanceB() {
        return ShopDeployment.war();
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL urlA;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL urlB;

    ShopClient a;
    ShopClient b;

    @BeforeEach
    void connect() {
        a = new ShopClient(urlA);
        b = new ShopClient(urlB, "ecolaura.test.management.port.b");
    }

    @Test
    void twoHundredConcurrentRequestsForAMissingKeyComputeItOnceOnOneInstance() throws Exception {
        assertOneComputationFor(200, List.of(a));
    }

    @Test
    void twoHundredConcurrentRequestsForAMissingKeyComputeItOnceAcrossTwoInstances() throws Exception {
        assertOneComputationFor(200, List.of(a, b));
    }

    private void assertOneComputationFor(int requests, List<ShopClient> instances) throws Exception {
        // a product nobody has read or scored yet: its product and score entries are both missing
        long id = create(a, "stampede" + UUID.randomUUID().toString().substring(0, 8), "25.00", 5)
                .id();
        String path = "api/products/" + id + "/sustainability-score";
        warmUp(instances, requests);
        double loads = sum("ecolaura_catalog_product_loads_total");
        double scores = sum("ecolaura_catalog_score_computations_total");
        var latencies = new ConcurrentLinkedQueue<Double>();
        var bodies = Collections.synchronizedSet(new java.util.HashSet<String>());
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            var done = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < requests; i++) {
                ShopClient shop = instances.get(i % instances.size());
                done.add(CompletableFuture.runAsync(
                        () -> {
                            await(start);
                            long t0 = System.nanoTime();
                            var reply = shop.get(path);
                            latencies.add((System.nanoTime() - t0) / 1e6);
                            assertEquals(200, reply.status(), reply.body());
                            bodies.add(reply.body());
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        double productComputations = sum("ecolaura_catalog_product_loads_total") - loads;
        double scoreComputations = sum("ecolaura_catalog_score_computations_total") - scores;
        var figures = Latencies.of(new ArrayList<>(latencies));
        System.out.printf(
                "STAMPEDE %d concurrent requests on %d instance(s) for a missing product and score: "
                        + "%.0f product load(s), %.0f score computation(s), latency %s%n",
                requests, instances.size(), productComputations, scoreComputations, figures);
        assertEquals(1, productComputations, "loads of the missing product");
        assertEquals(1, scoreComputations, "computations of the missing score");
        assertEquals(1, bodies.size(), "every request got the same score");
    }

    /** Opens the connections and runs the code paths once, so that the figures are not a cold start's. */
    private static void warmUp(List<ShopClient> instances, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            var done = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < connections * 2; i++) {
                ShopClient shop = instances.get(i % instances.size());
                String path = "api/products/" + (1 + i % 50) + "/sustainability-score";
                done.add(CompletableFuture.runAsync(() -> shop.get(path), pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private double sum(String metric) {
        return a.metric(metric) + b.metric(metric);
    }

    @Test
    void aHotKeyPastItsSoftTtlIsRecomputedInTheBackgroundWhileEveryRequestIsServedFromTheCache() throws Exception {
        String path = "api/search?q=hemp&sort=price&size="
                + (20 + Math.abs(UUID.randomUUID().hashCode() % 80));
        assertEquals(200, a.get(path).status());
        double before = executions();
        var latencies = new ConcurrentLinkedQueue<Double>();
        var requestsWithSql = new AtomicLong();
        var stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    var reply = a.get(path);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (reply.status() != 200 || reply.sqlStatements() != 0) {
                        requestsWithSql.incrementAndGet();
                    }
                }
            });
        }
        TimeUnit.SECONDS.sleep(7); // the load itself: 3 soft-TTL crossings of a 2 s (±10 %) entry
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        double refreshes = executions() - before;
        var figures = Latencies.of(new ArrayList<>(latencies));
        System.out.printf(
                "STALE-WHILE-REVALIDATE 7 s of load on a 2 s entry: %.0f background recomputation(s), "
                        + "%d request(s) that ran SQL, latency %s%n",
                refreshes, requestsWithSql.get(), figures);
        // early refresh is off for searches here: a (jittered, ±10 %) 2 s TTL is crossed 3 times in 7 s
        assertTrue(refreshes >= 2 && refreshes <= 4, "one recomputation per soft-TTL crossing: " + refreshes);
        assertEquals(0, requestsWithSql.get(), "no request waited for a recomputation");
    }

    @Test
    void anUpdateThroughOneInstanceIsSeenAtOnceThroughTheOtherInProductScoreAndSearch() {
        String token = "zephyr" + UUID.randomUUID().toString().substring(0, 8);
        var made = create(a, token, "30.00", 7);
        long id = made.id();
        var scoreBefore = b.get("api/products/" + id + "/sustainability-score").json();
        assertEquals(1, b.get("api/search?q=" + token).json().get("total").asLong());

        String renamed = "aurora" + UUID.randomUUID().toString().substring(0, 8);
        var updated = a.put("api/products/" + id, made.body(renamed, "19.90", 7));
        assertEquals(200, updated.status(), updated.body());

        var product = b.get("api/products/" + id).json();
        assertEquals("Tote " + renamed, product.get("name").asText());
        assertEquals(19.9, product.get("price").asDouble());
        var score = b.get("api/products/" + id + "/sustainability-score").json();
        assertEquals(
                product.get("version").asLong(), score.get("productVersion").asLong());
        assertTrue(score.get("productVersion").asLong()
                > scoreBefore.get("productVersion").asLong());
        assertEquals(0, b.get("api/search?q=" + token).json().get("total").asLong(), "old name no longer found");
        assertEquals(1, b.get("api/search?q=" + renamed).json().get("total").asLong(), "new name found");
    }

    @Test
    void aHotProductIsServedFromTheNearCacheWithoutRedisUntilAWriteOnTheOtherInstanceDropsIt() {
        var made = create(a, "puffin" + UUID.randomUUID().toString().substring(0, 8), "15.00", 4);
        String path = "api/products/" + made.id();
        String nearHits = "ecolaura_cache_near_hits_total{cache=\"products\"";
        String redisReads = "ecolaura_cache_get_seconds_count{cache=\"products\"";
        b.get(path); // a miss: loaded and cached in Redis
        b.get(path); // a Redis hit, kept in b's near cache
        double nearBefore = b.metric(nearHits);
        double readsBefore = b.metric(redisReads);

        long version = b.get(path).json().get("version").asLong();

        assertEquals(nearBefore + 1, b.metric(nearHits), "served from b's near cache");
        assertEquals(readsBefore, b.metric(redisReads), "without reading Redis");

        var updated = a.put(path, made.body("puffin", "16.50", 4));
        assertEquals(200, updated.status(), updated.body());
        var after = b.get(path).json();

        assertEquals(version + 1, after.get("version").asLong(), "b's near copy was dropped by a's write");
        assertEquals(16.5, after.get("price").asDouble());
        assertEquals(nearBefore + 1, b.metric(nearHits), "the read after the write was not a near hit");
        assertTrue(b.metric("ecolaura_cache_near_invalidations_total{cache=\"products\"") > 0);
    }

    @Test
    void aPriceChangeOnOneInstanceIsSeenAtOnceInTheOthersFieldReadsWhileItsDetailsStayNear() {
        String token = "avocet" + UUID.randomUUID().toString().substring(0, 8);
        var made = create(a, token, "12.00", 3);
        String path = "api/products/" + made.id() + "?fields=name,price";
        String nearDetails = "ecolaura_cache_near_hits_total{cache=\"product-details\"";
        b.get(path); // both parts loaded into Redis
        b.get(path); // and into b's near cache
        assertEquals(12.0, b.get(path).json().get("price").asDouble());
        double detailsNear = b.metric(nearDetails);

        assertEquals(
                200,
                a.put("api/products/" + made.id(), made.body(token, "13.25", 3)).status());

        var after = b.get(path).json();
        assertEquals(13.25, after.get("price").asDouble(), "b's near copy of the offer was dropped by a's write");
        assertEquals(detailsNear + 1, b.metric(nearDetails), "b's near copy of the details was kept");
    }

    @Test
    void aStockChangeEvictsExactlyTheSearchPagesThatHoldTheProduct() {
        String token = "quokka" + UUID.randomUUID().toString().substring(0, 8);
        var made = create(a, token, "12.00", 9);
        long id = made.id();
        String holding = "api/search?q=" + token;
        String other = "api/search?q=linen&size=7";
        assertEquals(9, a.get(holding).json().get("items").get(0).get("stock").asInt());
        a.get(other);
        double before = executions();

        assertEquals(
                200, a.put("api/products/" + id, made.body(token, "12.00", 3)).status());

        var after = b.get(holding).json();
        assertEquals(3, after.get("items").get(0).get("stock").asInt(), "the page holding it shows the new stock");
        assertEquals(before + 1, executions(), "that page was computed again");
        b.get(other);
        assertEquals(before + 1, executions(), "the page without it was still cached");
    }

    @Test
    void aConditionalGetAnswers304UntilAnUpdateAndAStaleIfMatchIs412WithoutEvictingAnything() {
        var made = create(a, "ibis" + UUID.randomUUID().toString().substring(0, 8), "15.00", 4);
        long id = made.id();
        var first = a.get("api/products/" + id);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"v0\"", etag);
        assertTrue(first.headers().firstValue("Cache-Control").orElseThrow().contains("max-age="));

        var notModified =
                a.send(HttpRequest.newBuilder(a.resolve("api/products/" + id)).header("If-None-Match", etag));
        assertEquals(304, notModified.status());
        assertTrue(notModified.body().isEmpty());

        double loads = a.metric("ecolaura_catalog_product_loads_total");
        var stale = a.send(HttpRequest.newBuilder(a.resolve("api/products/" + id))
                .header("If-Match", "\"v7\"")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(made.body("ibis", "99.00", 4))));
        assertEquals(412, stale.status(), stale.body());
        assertEquals(
                etag, a.get("api/products/" + id).headers().firstValue("ETag").orElseThrow());
        assertEquals(loads, a.metric("ecolaura_catalog_product_loads_total"), "the rejected write evicted nothing");

        var matching = a.send(HttpRequest.newBuilder(a.resolve("api/products/" + id))
                .header("If-Match", etag)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(made.body("ibis", "14.00", 4))));
        assertEquals(200, matching.status(), matching.body());
        var changed =
                b.send(HttpRequest.newBuilder(b.resolve("api/products/" + id)).header("If-None-Match", etag));
        assertEquals(200, changed.status());
        assertEquals("\"v1\"", changed.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void readersOnBothInstancesNeverSeeAVersionOlderThanOneCommitted50msEarlier() throws Exception {
        var made = create(a, "heron" + UUID.randomUUID().toString().substring(0, 8), "20.00", 5);
        long id = made.id();
        int seconds = Integer.getInteger("ecolaura.test.freshness.seconds", 30);
        record Write(long version, long completedNanos) {}
        record Read(long version, long startedNanos, String instance) {}
        var writes = new ConcurrentLinkedQueue<Write>();
        var reads = new ConcurrentLinkedQueue<Read>();
        var stop = new AtomicBoolean();
        String nearHits = "ecolaura_cache_near_hits_total{cache=\"products\"";
        double nearBefore = a.metric(nearHits) + b.metric(nearHits);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        pool.execute(() -> {
            int n = 0;
            while (!stop.get()) {
                var reply =
                        (n % 2 == 0 ? a : b).put("api/products/" + id, made.body("heron", (20 + n % 50) + ".00", 5));
                if (reply.status() == 200) {
                    writes.add(new Write(reply.json().get("version").asLong(), System.nanoTime()));
                }
                n++;
            }
        });
        for (int r = 0; r < 8; r++) {
            ShopClient shop = r % 2 == 0 ? a : b;
            String instance = r % 2 == 0 ? "A" : "B";
            pool.execute(() -> {
                while (!stop.get()) {
                    long started = System.nanoTime();
                    var reply = shop.get("api/products/" + id);
                    if (reply.status() == 200) {
                        reads.add(new Read(reply.json().get("version").asLong(), started, instance));
                    }
                }
            });
        }
        TimeUnit.SECONDS.sleep(seconds);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));

        long margin = TimeUnit.MILLISECONDS.toNanos(50);
        var committed = new ArrayList<>(writes);
        var staleReads = reads.stream()
                .filter(read -> committed.stream()
                        .filter(write -> write.completedNanos() + margin <= read.startedNanos())
                        .anyMatch(write -> write.version() > read.version()))
                .map(read -> read.instance() + " read v" + read.version() + " "
                        + committed.stream()
                                .filter(write -> write.version() > read.version())
                                .mapToLong(write -> (read.startedNanos() - write.completedNanos()) / 1_000_000)
                                .max()
                                .orElse(0)
                        + " ms after a newer version was committed")
                .toList();
        long stale = staleReads.size();
        double nearServed = a.metric(nearHits) + b.metric(nearHits) - nearBefore;
        System.out.printf(
                "FRESHNESS %d s: %d committed writes, %d reads on 2 instances (%.0f from near caches), %d stale reads%n",
                seconds, committed.size(), reads.size(), nearServed, stale);
        assertTrue(committed.size() > 10 && reads.size() > 100, "enough traffic to mean something");
        assertEquals(0, stale, "reads older than a write committed 50 ms before them: " + staleReads);
        assertTrue(nearServed > 0, "the near caches took part");
    }

    @Test
    void aSessionStartedOnOneInstanceIsReadOnTheOtherAndExpiresWhenIdle() throws Exception {
        var login = a.post("api/sessions", "{\"userId\":\"user-12\"}");
        assertEquals(201, login.status(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(
                setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Lax"),
                setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        var put = a.send(HttpRequest.newBuilder(a.resolve("api/cart/items/42"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":2}")));
        assertEquals(200, put.status(), put.body());
        var cart = b.send(HttpRequest.newBuilder(b.resolve("api/cart")).header("Cookie", cookie));
        assertEquals(200, cart.status(), cart.body());
        assertEquals("user-12", cart.json().get("userId").asText());
        assertEquals(2, cart.json().get("items").get(0).get("quantity").asInt());

        // reads slide the 3 s idle expiry, on either instance: the key's time to live goes back up
        String key = "ecolaura:session:" + cookie.substring(cookie.indexOf('=') + 1);
        try (var redis = new RedisProbe()) {
            for (var instance : List.of(b, a)) {
                Eventually.holds("a second of idleness", Duration.ofSeconds(3), () -> redis.millisToLive(key) < 2_000);
                long before = redis.millisToLive(key);
                var read = instance.send(
                        HttpRequest.newBuilder(instance.resolve("api/cart")).header("Cookie", cookie));
                long after = redis.millisToLive(key);
                assertEquals(200, read.status(), read.body());
                assertTrue(after > before, "the read renewed the idle expiry: " + before + " ms left, then " + after);
            }
            // … and idleness ends it
            Eventually.holds("the idle session expired", Duration.ofSeconds(5), () -> redis.millisToLive(key) == -2);
            var expired = a.send(HttpRequest.newBuilder(a.resolve("api/cart")).header("Cookie", cookie));
            assertEquals(401, expired.status());
            assertFalse(redis.keys().contains(key));
        }
    }

    private double executions() {
        return a.metric("ecolaura_search_executions_total") + b.metric("ecolaura_search_executions_total");
    }

    /** A product made for one test: its id and its sku (which every later write must repeat). */
    record Made(long id, String sku) {
        String body(String token, String price, int stock) {
            return product(sku, token, price, stock);
        }
    }

    private static Made create(ShopClient shop, String token, String price, int stock) {
        String sku = "ECO-F-" + UUID.randomUUID().toString().substring(0, 8);
        var created = shop.post("api/products", product(sku, token, price, stock));
        assertEquals(201, created.status(), created.body());
        return new Made(created.json().get("id").asLong(), sku);
    }

    private static String product(String sku, String token, String price, int stock) {
        return """
                {"sku":"%s","name":"Tote %s","description":"a tote","category":"fashion","brand":"Test",
                 "price":%s,"currency":"EUR","stock":%d,"materials":["hemp"],"certifications":[],
                 "carbonFootprintKg":2.0,"recycledContentPercent":30,"packaging":"PLASTIC_FREE","originCountry":"PT"}
                """
                .formatted(sku, token, price, stock);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
