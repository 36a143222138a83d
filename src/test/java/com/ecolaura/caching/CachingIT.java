package com.ecolaura.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Eventually;
import com.ecolaura.testing.RedisInventory;
import com.ecolaura.testing.RedisProbe;
import com.ecolaura.testing.RoundTrips;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The caching layer on Payara Micro, Redis and the database: each test counts what the cache
 * saved (method runs, SQL statements) and looks at what Redis holds.
 */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
class CachingIT {

    @Deployment(testable = false)
    static WebArchive shop() {
        return ShopDeployment.war().addClass(RollbackProbeResource.class);
    }

    @ArquillianResource
    URL deployment;

    ShopClient shop;
    RedisProbe redis;

    @BeforeEach
    void connect() {
        shop = new ShopClient(deployment);
        redis = new RedisProbe();
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void twoReadsOfAProductRunTheLookupOnceAndLeaveAReadableKeyInRedis() {
        redis.evict("products", "42");
        double loads = shop.metric("ecolaura_catalog_product_loads_total");

        var first = shop.get("api/products/42");
        var second = shop.get("api/products/42");

        assertEquals(200, first.status());
        assertEquals(first.body(), second.body(), "a hit answers byte for byte what the miss answered");
        assertEquals(0, second.sqlStatements(), "the hit ran no SQL");
        assertEquals(loads + 1, shop.metric("ecolaura_catalog_product_loads_total"), "product lookups");
        assertTrue(redis.hasField("products", "42"), "hash 'products' has field '42'");
        JsonNode stored = json(redis.field("products", "42"));
        assertEquals("ProductView", stored.get("type").asText());
        assertEquals(first.json(), withoutNulls(stored.get("value")));
    }

    /**
     * The round-trip budget, counted with Redis's MONITOR (commands a script runs inside Redis are
     * not round trips): a cold product read with both its JCache entry and its second-level entry
     * missing at most 6 (5 as built), the next read none (the computed value filled the near cache), a Redis hit
     * one, and a view nothing on the request thread. Medians of seven products each, so that a
     * background command crossing one window cannot decide.
     */
    @Test
    void aProductReadCostsAtMostSixRoundTripsColdOneFromRedisAndNoneFromTheNearCache() {
        var cold = new ArrayList<Integer>();
        var again = new ArrayList<Integer>();
        var fromRedis = new ArrayList<Integer>();
        var viewed = new ArrayList<Integer>();
        var session = shop.signedInAs("user-12");
        var budgetWith = new StringBuilder();
        try (var trips = new RoundTrips(ShopInfrastructure.redisPort())) {
            for (long id = 1951; id <= 1957; id++) {
                String path = "api/products/" + id;
                redis.evict("products", Long.toString(id));
                redis.deleteKeys("ecolaura-l2.com.ecolaura.catalog.entity.Product");
                var sent = trips.during(() -> assertEquals(200, shop.get(path).status()));
                cold.add(sent.size());
                budgetWith
                        .append(id)
                        .append(": ")
                        .append(String.join("\n  ", sent))
                        .append('\n');
                again.add(trips.during(() -> assertEquals(0, shop.get(path).sqlStatements()))
                        .size());
                dropFromTheNearCache(Long.toString(id));
                fromRedis.add(trips.during(() -> shop.get(path)).size());
                viewed.add(
                        trips.during(() -> assertEquals(200, session.get(path).status()))
                                .size());
            }
        }
        assertTrue(median(cold) <= 6, "cold reads: " + cold + "\n" + budgetWith);
        assertEquals(0, median(again), "reads right after the cold one: " + again);
        assertEquals(1, median(fromRedis), "Redis hits: " + fromRedis);
        assertEquals(0, median(viewed), "views with a session, from the near cache: " + viewed);
        Eventually.holds(
                "the views were taken into account, off the request", Duration.ofSeconds(5), () -> redis.keys().stream()
                        .anyMatch(key -> key.startsWith("ecolaura:last-view:")));
    }

    /**
     * Bookkeeping is bounded: tens of thousands of distinct searches, with stock changes between them
     * (each evicts the pages that showed the product, moving their fences), leave nothing in Redis
     * that never expires and grows with the number of distinct keys. The search cache itself has no
     * TTL as a whole, so it is held to its entry cap (3,000 in this deployment) by trimming.
     */
    @Test
    void distinctSearchesWithWritesBetweenThemLeaveNoStructureWithoutATtlGrowing() throws Exception {
        var edited = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var created = shop.post(
                    "api/products",
                    product("ECO-S-" + UUID.randomUUID().toString().substring(0, 8), "30.00", "sisal"));
            assertEquals(201, created.status(), created.body());
            edited.add(created.json().get("sku").asText() + "/"
                    + created.json().get("id").asText());
        }
        try (var inventory = new RedisInventory(ShopInfrastructure.redisAddress())) {
            searchAndWrite(0, 10_000, edited);
            var before = inventory.withoutTtl();
            searchAndWrite(10_000, 20_000, edited);
            Eventually.holds(
                    "the search cache trimmed to its cap",
                    Duration.ofSeconds(30),
                    () -> inventory.withoutTtl().getOrDefault("search-results", 0L) <= 3_000);
            var after = inventory.withoutTtl();
            var grown = new java.util.TreeMap<String, String>();
            after.forEach((key, size) -> {
                long was = before.getOrDefault(key, 0L);
                boolean capped = key.equals("search-results") || key.equals("jcache_timeout_set:{search-results}");
                if (capped ? size > 3_000 : size > was + 50) {
                    grown.put(key, was + " -> " + size);
                }
            });
            assertEquals(java.util.Map.of(), grown, "keys without a TTL that grew over 10,000 more searches");
            assertTrue(
                    after.size() <= before.size() + 10,
                    "keys without a TTL: " + before.keySet() + " then " + after.keySet());
        }
    }

    /** Searches from {@code from} to {@code to} (each a distinct key), four at a time, a stock change every hundred. */
    private void searchAndWrite(int from, int to, List<String> edited) throws Exception {
        String[] categories = {"kitchen", "home", "fashion", "beauty", "garden", "outdoor", "food", "cleaning"};
        String[] sorts = {"relevance", "name", "price", "-price", "score", "newest"};
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var replies = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int n = from; n < to; n++) {
                int i = n;
                replies.add(pool.submit(() -> shop.get("api/search?category=" + categories[i % 8] + "&minScore="
                                + (i / 8) % 100 + "&sort=" + sorts[(i / 800) % 6] + "&size=" + (1 + i / 4_800)
                                + "&page=" + (i % 3))
                        .status()));
                if (i % 100 == 99) {
                    String[] product = edited.get(i / 100 % edited.size()).split("/");
                    var body = product(product[0], "30.00", "sisal").replace("\"stock\":5", "\"stock\":" + (i % 90));
                    assertEquals(
                            200, shop.put("api/products/" + product[1], body).status());
                }
            }
            for (var reply : replies) {
                assertEquals(200, reply.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Drops a product from the shop's near cache only, and waits until it has. */
    private void dropFromTheNearCache(String id) {
        double dropped = shop.metric(NEAR_INVALIDATIONS);
        redis.dropFromNearCaches("products", id);
        Eventually.holds(
                "the near cache dropped " + id,
                Duration.ofSeconds(10),
                () -> shop.metric(NEAR_INVALIDATIONS) > dropped);
    }

    private static final String NEAR_INVALIDATIONS = "ecolaura_cache_near_invalidations_total{cache=\"products\"";

    private static int median(List<Integer> counts) {
        return counts.stream().sorted().toList().get(counts.size() / 2);
    }

    @Test
    void productEntriesAreFreshForAnHourAndSearchEntriesForFiveMinutesThenStaleForTheirWindow() {
        shop.get("api/products/43");
        shop.get("api/search?q=linen");
        String searchKey = "gen=" + redis.generation() + "&q=linen&category=&minScore=&sort=relevance&page=0&size=20";

        assertLifetime("products", "43", Duration.ofHours(1), Duration.ofMinutes(5));
        assertLifetime("search-results", searchKey, Duration.ofMinutes(5), Duration.ofMinutes(1));
    }

    /** Fresh for the TTL give or take its 10 % jitter; Redis drops the entry one stale window later. */
    private void assertLifetime(String cache, String key, Duration ttl, Duration staleWindow) {
        Double expiry = redis.expiryOf(cache, key);
        assertNotNull(expiry, "expiry recorded for " + cache + "[" + key + "]");
        JsonNode entry = json(redis.field(cache, key));
        long fresh = entry.get("freshUntil").asLong() - entry.get("computedAt").asLong();
        assertTrue(
                fresh >= ttl.toMillis() * 0.9 && fresh <= ttl.toMillis() * 1.1, cache + " fresh for " + fresh + " ms");
        assertEquals(staleWindow.toMillis(), expiry - entry.get("freshUntil").asLong(), 2_000, cache + " stale window");
        assertEquals(
                expiry, entry.get("expiresAt").asLong(), 0.0, cache + ": the entry records the expiry JCache does");
    }

    @Test
    void aSearchRunsOnceForTwoRequestsThatDifferOnlyInCaseAndSpaces() {
        String text = "cork " + UUID.randomUUID().toString().substring(0, 4);
        double executions = shop.metric("ecolaura_search_executions_total");

        var first = shop.get("api/search?q=" + text.replace(" ", "+"));
        var second = shop.get("api/search?q=+" + text.toUpperCase().replace(" ", "+") + "+");

        assertEquals(200, first.status());
        assertEquals(first.json(), second.json());
        assertEquals(executions + 1, shop.metric("ecolaura_search_executions_total"));
    }

    @Test
    void aScoreIsComputedOnceAndCachedUnderTheProductId() {
        long version = shop.get("api/products/44").json().get("version").asLong();
        redis.evict("sustainability-scores", "44:" + version);
        double computations = shop.metric("ecolaura_catalog_score_computations_total");

        var first = shop.get("api/products/44/sustainability-score");
        var second = shop.get("api/products/44/sustainability-score");

        assertEquals(200, first.status());
        assertEquals(first.body(), second.body());
        assertEquals(computations + 1, shop.metric("ecolaura_catalog_score_computations_total"));
        assertTrue(redis.hasField("sustainability-scores", "44:" + version), "keyed by product id and version");
    }

    @Test
    void aRepeatedCategoryPageComesFromTheQueryCacheWithoutSql() {
        String page = "api/products?category=garden&page=3&size=10";
        assertEquals(200, shop.get(page).status());
        double queryHits = shop.metric("ecolaura_hibernate_query_cache_hits");

        long statements = ok(shop.get(page)).sqlStatements();

        assertEquals(0, statements, "SQL statements of the repeated page");
        assertEquals(queryHits + 2, shop.metric("ecolaura_hibernate_query_cache_hits"), "count and page query");
    }

    @Test
    void aProductReadAgainAfterItsEntityWasCachedIssuesNoSql() {
        // a new product: scoring it reads it, materials and certifications included, through the
        // second-level cache (whatever earlier tests left there of the sample's products)
        var created = shop.post(
                "api/products", product("ECO-L-" + UUID.randomUUID().toString().substring(0, 8), "12.00", "hemp"));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        assertEquals(
                200, shop.get("api/products/" + id + "/sustainability-score").status());
        redis.evict("products", Long.toString(id)); // the score read the product through the products cache too
        double loads = shop.metric("ecolaura_catalog_product_loads_total");
        double entityHits = shop.metric("ecolaura_hibernate_second_level_cache_hits");

        long statements = ok(shop.get("api/products/" + id)).sqlStatements();

        assertEquals(loads + 1, shop.metric("ecolaura_catalog_product_loads_total"), "the lookup ran");
        assertEquals(0, statements, "but read the product, materials and certifications, from the second-level cache");
        assertEquals(
                entityHits + 1,
                shop.metric("ecolaura_hibernate_second_level_cache_hits"),
                "one entry: the lists are columns of the product");
    }

    @Test
    void anUpdateIsVisibleAtOnceInTheProductAndItsScore() {
        var created = shop.post(
                "api/products",
                product("ECO-T-" + UUID.randomUUID().toString().substring(0, 8), "99.00", "virgin plastic"));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        var before = shop.get("api/products/" + id).json();
        int scoreBefore = shop.get("api/products/" + id + "/sustainability-score")
                .json()
                .get("score")
                .asInt();

        var updated = shop.put("api/products/" + id, product(before.get("sku").asText(), "79.50", "hemp"));

        assertEquals(200, updated.status(), updated.body());
        var after = shop.get("api/products/" + id).json();
        var score = shop.get("api/products/" + id + "/sustainability-score").json();
        assertEquals(79.5, after.get("price").asDouble());
        assertEquals(before.get("version").asLong() + 1, after.get("version").asLong());
        assertEquals(after.get("version").asLong(), score.get("productVersion").asLong());
        assertTrue(score.get("score").asInt() > scoreBefore, "hemp scores better than virgin plastic");
    }

    @Test
    void selectedFieldsComeFromTheFieldCachesAndAPriceChangeLeavesTheDetailsCached() {
        var created = shop.post(
                "api/products", product("ECO-F-" + UUID.randomUUID().toString().substring(0, 8), "20.00", "cork"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        String path = "api/products/" + id + "?fields=price,name";
        double detailLoads = shop.metric("ecolaura_catalog_product_detail_loads_total");
        double offerLoads = shop.metric("ecolaura_catalog_product_offer_loads_total");

        var first = shop.get(path);
        var second = shop.get(path);

        assertEquals(200, first.status(), first.body());
        assertEquals(List.of("name", "price"), fieldNames(first.json()), "in the order of the full product");
        assertEquals(20.0, first.json().get("price").asDouble());
        assertEquals(first.body(), second.body());
        assertEquals(0, second.sqlStatements(), "both parts were cached");
        assertEquals(detailLoads + 1, shop.metric("ecolaura_catalog_product_detail_loads_total"));
        assertEquals(offerLoads + 1, shop.metric("ecolaura_catalog_product_offer_loads_total"));
        assertTrue(redis.hasField("product-details", id) && redis.hasField("product-offers", id));
        assertLifetime("product-offers", id, Duration.ofMinutes(1), Duration.ZERO);

        var sku = created.json().get("sku").asText();
        assertEquals(
                200,
                shop.put("api/products/" + id, product(sku, "17.00", "cork")).status());

        assertTrue(redis.hasField("product-details", id), "a price change left the details cached");
        assertFalse(redis.hasField("product-offers", id), "and evicted the offer");
        assertEquals(17.0, shop.get(path).json().get("price").asDouble(), "the new price at once");
        assertEquals(detailLoads + 1, shop.metric("ecolaura_catalog_product_detail_loads_total"));
        assertEquals(offerLoads + 2, shop.metric("ecolaura_catalog_product_offer_loads_total"));

        assertEquals(
                200,
                shop.put("api/products/" + id, product(sku, "17.00", "hemp")).status());

        assertFalse(redis.hasField("product-details", id), "a material change evicted the details");
        var changed = shop.get("api/products/" + id + "?fields=materials,ecoScore,stock")
                .json();
        assertEquals(List.of("stock", "materials", "ecoScore"), fieldNames(changed));
        assertEquals("hemp", changed.get("materials").get(0).asText());
        assertEquals(detailLoads + 2, shop.metric("ecolaura_catalog_product_detail_loads_total"));
    }

    @Test
    void unknownOrEmptyFieldsAreAProblemNamingTheFields() {
        for (String fields : List.of("name,password", "", "name,,price", "name%2C%20")) {
            var reply = shop.get("api/products/42?fields=" + fields);
            assertEquals(400, reply.status(), fields + ": " + reply.body());
            assertEquals("application/problem+json", reply.contentType(), fields);
            assertTrue(reply.body().contains("fields"), reply.body());
            assertFalse(reply.body().contains("password"), "the input is not echoed: " + reply.body());
        }
        assertEquals(404, shop.get("api/products/987654321?fields=name").status());
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aDeletedProductIsNotServedFromTheCache() {
        var created = shop.post(
                "api/products", product("ECO-D-" + UUID.randomUUID().toString().substring(0, 8), "10.00", "cork"));
        long id = created.json().get("id").asLong();
        assertEquals(200, shop.get("api/products/" + id).status());
        assertTrue(redis.hasField("products", Long.toString(id)));

        assertEquals(204, shop.delete("api/products/" + id).status());

        assertEquals(404, shop.get("api/products/" + id).status());
        assertFalse(redis.hasField("products", Long.toString(id)));
    }

    @Test
    void aSavedProfileIsPutIntoTheCacheAfterCommit() {
        var shop = this.shop.signedInAs("user-9");
        shop.get("api/profiles/user-9");
        double loads = shop.metric("ecolaura_profiles_loads_total");
        String name = "Renamed " + UUID.randomUUID().toString().substring(0, 6);

        var saved = shop.put("api/profiles/user-9", profile(name, "nine@example.org"));

        assertEquals(200, saved.status(), saved.body());
        var read = shop.get("api/profiles/user-9").json();
        assertEquals(name, read.get("displayName").asText());
        assertEquals(loads, shop.metric("ecolaura_profiles_loads_total"), "served from the cache @CachePut wrote");
        assertTrue(redis.field("profiles", "user-9").contains(name));
    }

    @Test
    void aRolledBackProductUpdateLeavesNoTraceInTheCachesOrTheSecondLevelCache() {
        long id = 1701;
        var before = shop.get("api/products/" + id).json();
        shop.get("api/products/" + id); // cached in the products cache and the entity region
        String token = "Rolledback" + UUID.randomUUID().toString().substring(0, 6);
        String body = before.toString().replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + token + "\"");

        var rolledBack = shop.put("api/test/rollback/products/" + id, inputOf(body));

        assertEquals(409, rolledBack.status(), rolledBack.body());
        assertNothingInRedisContains(token);
        var read = shop.get("api/products/" + id);
        assertEquals(before.get("name").asText(), read.json().get("name").asText());
        assertEquals(before.get("version").asLong(), read.json().get("version").asLong());
        redis.evict("products", Long.toString(id));
        var fromTheDatabase = shop.get("api/products/" + id).json();
        assertEquals(before.get("name").asText(), fromTheDatabase.get("name").asText(), "L2 and database");
        assertNothingInRedisContains(token);
        assertEquals(0, shop.get("api/search?q=" + token).json().get("total").asLong());
    }

    @Test
    void entriesPlantedInTheProductsCacheNamingAnotherTypeOrGarbageAreRejectedEvictedAndRecomputed() {
        String id = "1702";
        shop.get("api/products/" + id);
        for (String planted : new String[] {
            "{\"type\":\"java.net.URL\",\"value\":\"http://attacker.example/\"}", "\u0000\u00ff not json at all"
        }) {
            redis.plant("products", id.getBytes(StandardCharsets.UTF_8), planted.getBytes(StandardCharsets.UTF_8));
            // the value computed last is in this instance's near cache: the planted entry is read from Redis
            dropFromTheNearCache(id);
            double rejected = shop.metric("ecolaura_cache_rejected_entries_total{cache=\"products\"");
            double loads = shop.metric("ecolaura_cache_loads_total{cache=\"products\"");

            var reply = shop.get("api/products/" + id);

            assertEquals(200, reply.status(), reply.body());
            assertEquals(1702, reply.json().get("id").asLong());
            assertEquals(rejected + 1, shop.metric("ecolaura_cache_rejected_entries_total{cache=\"products\""));
            assertEquals(loads + 1, shop.metric("ecolaura_cache_loads_total{cache=\"products\""), "recomputed");
            assertTrue(
                    redis.field("products", id).startsWith("{\"type\":\"ProductView\""), "replaced by a valid entry");
        }
    }

    /**
     * A Redis hit is a plain HGET: the entry says when it expires, and one past that is not served
     * although Redis still holds it (Redisson's JCache removes expired entries only when it gets to
     * them). An entry that does not say (written through the JCache API, or before entries said
     * it) is read through the script that checks JCache's own record of its expiry.
     */
    @Test
    void anEntryPastItsExpiryIsNotServedWhetherItsEnvelopeOrOnlyJCacheRecordsIt() {
        String id = "1704";
        assertEquals(200, shop.get("api/products/" + id).status());
        var real = (com.fasterxml.jackson.databind.node.ObjectNode) json(redis.field("products", id));
        long now = System.currentTimeMillis();

        assertEquals("Planted alive", served(id, planted(real, "Planted alive", now + 60_000), now + 60_000));
        assertNotEquals("Planted expired", served(id, planted(real, "Planted expired", now - 1_000), now - 1_000));
        assertEquals("Planted, JCache's", served(id, planted(real, "Planted, JCache's", null), now + 60_000));
        assertNotEquals(
                "Planted, JCache's expired", served(id, planted(real, "Planted, JCache's expired", null), now - 1_000));
    }

    /** The real entry renamed, with its expiry recorded in the envelope, or none ({@code null}). */
    private static String planted(com.fasterxml.jackson.databind.node.ObjectNode real, String name, Long expiresAt) {
        var copy = real.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("value")).put("name", name);
        if (expiresAt == null) {
            copy.remove("expiresAt");
        } else {
            copy.put("expiresAt", expiresAt);
        }
        return copy.toString();
    }

    /** The name a read of the product answers with the entry planted and JCache's expiry record set. */
    private String served(String id, String entry, long jcacheExpiry) {
        redis.plant("products", id.getBytes(StandardCharsets.UTF_8), entry.getBytes(StandardCharsets.UTF_8));
        redis.score("jcache_timeout_set:{products}", id, jcacheExpiry);
        dropFromTheNearCache(id);
        double loads = shop.metric("ecolaura_cache_loads_total{cache=\"products\"");
        var reply = shop.get("api/products/" + id);
        assertEquals(200, reply.status(), reply.body());
        String name = reply.json().get("name").asText();
        boolean recomputed = shop.metric("ecolaura_cache_loads_total{cache=\"products\"") > loads;
        assertEquals(
                !name.startsWith("Planted"), recomputed, "recomputed exactly when the planted entry was not served");
        return name;
    }

    @Test
    void entriesPlantedInTheEntityRegionNamingAForeignClassOrGarbageAreRejectedAndReadFromTheDatabase()
            throws Exception {
        long id = 1703;
        String region = "ecolaura-l2.com.ecolaura.catalog.entity.Product";
        shop.get("api/products/" + id);
        var plain = new org.redisson.codec.Kryo5Codec(getClass().getClassLoader());
        var gadget = new java.util.HashMap<Object, Object>(
                java.util.Map.of(new java.net.URL("http://attacker.example/"), "resolved on decode"));
        byte[] foreign =
                io.netty.buffer.ByteBufUtil.getBytes(plain.getValueEncoder().encode(gadget));
        byte[] garbage = "not kryo at all \u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] payload : new byte[][] {foreign, garbage}) {
            var entry = entityEntry(region, id, plain);
            redis.plant(region, entry.getKey(), withPayload(entry.getValue(), payload));
            redis.evict("products", Long.toString(id));
            double rejected = shop.metricSum("ecolaura_cache_region_rejected_entries_total");

            var reply = shop.get("api/products/" + id);

            assertEquals(200, reply.status(), reply.body());
            assertEquals(id, reply.json().get("id").asLong());
            assertTrue(reply.sqlStatements() > 0, "read from the database");
            assertEquals(rejected + 1, shop.metricSum("ecolaura_cache_region_rejected_entries_total"));
            assertFalse(
                    entityEntryIfAny(region, id, plain)
                            .filter(e -> java.util.Arrays.equals(payload, payloadOf(e.getValue())))
                            .isPresent(),
                    "the planted entry is gone");
        }
    }

    /** The entity region's field for a product: Hibernate's key, which names the entity and its id. */
    private java.util.Map.Entry<byte[], byte[]> entityEntry(
            String region, long id, org.redisson.codec.Kryo5Codec kryo) {
        return entityEntryIfAny(region, id, kryo)
                .orElseThrow(() -> new AssertionError("no entry for product " + id + " in " + region));
    }

    private java.util.Optional<java.util.Map.Entry<byte[], byte[]>> entityEntryIfAny(
            String region, long id, org.redisson.codec.Kryo5Codec kryo) {
        return redis.rawHash(region).entrySet().stream()
                .filter(e -> {
                    try {
                        return kryo.getMapKeyDecoder()
                                .decode(io.netty.buffer.Unpooled.wrappedBuffer(e.getKey()), null)
                                .toString()
                                .endsWith("#" + id);
                    } catch (Exception notAKey) {
                        return false;
                    }
                })
                .findFirst();
    }

    /** Redisson's map-cache value: an 8-byte max-idle, an 8-byte little-endian length, then the codec's bytes. */
    private static byte[] withPayload(byte[] stored, byte[] payload) {
        assertEquals(stored.length - 16, lengthOf(stored), "Redisson's map-cache layout");
        var planted = java.nio.ByteBuffer.allocate(16 + payload.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        planted.put(stored, 0, 8).putLong(payload.length).put(payload);
        return planted.array();
    }

    private static byte[] payloadOf(byte[] stored) {
        return java.util.Arrays.copyOfRange(stored, 16, stored.length);
    }

    private static long lengthOf(byte[] stored) {
        return java.nio.ByteBuffer.wrap(stored, 8, 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong();
    }

    @Test
    void aRolledBackProfileSaveLeavesNoTraceInTheProfilesCache() {
        var owner = shop.signedInAs("user-11");
        var before = owner.get("api/profiles/user-11").json();
        String token = "Rolledback" + UUID.randomUUID().toString().substring(0, 6);

        var rolledBack = shop.put("api/test/rollback/profiles/user-11", profile(token, "eleven@example.org"));

        assertEquals(409, rolledBack.status(), rolledBack.body());
        assertEquals(
                before.get("displayName").asText(),
                owner.get("api/profiles/user-11").json().get("displayName").asText());
        assertNothingInRedisContains(token);
    }

    private static String profile(String displayName, String email) {
        return "{\"displayName\":\"" + displayName + "\",\"email\":\"" + email + "\","
                + "\"preferredCategories\":[\"garden\"],\"minimumEcoScore\":40,\"newsletter\":true}";
    }

    /** A product's JSON as the input of a write: the fields a client may send. */
    private static String inputOf(String productJson) {
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(productJson);
            node.retain(
                    "sku",
                    "name",
                    "description",
                    "category",
                    "brand",
                    "price",
                    "currency",
                    "stock",
                    "materials",
                    "certifications",
                    "carbonFootprintKg",
                    "recycledContentPercent",
                    "packaging",
                    "originCountry");
            return node.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Kryo writes an ASCII string with the last character's high bit set: match all but the last. */
    private void assertNothingInRedisContains(String token) {
        byte[] needle = token.substring(0, token.length() - 1).getBytes(StandardCharsets.UTF_8);
        for (byte[] value : redis.everything()) {
            if (value != null) {
                assertFalse(
                        new String(value, StandardCharsets.ISO_8859_1)
                                .contains(new String(needle, StandardCharsets.ISO_8859_1)),
                        "Redis holds the rolled-back write: " + new String(value, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void unknownProductsAreNotCached() {
        double loads = shop.metric("ecolaura_catalog_product_loads_total");

        assertEquals(404, shop.get("api/products/987654321").status());
        assertEquals(404, shop.get("api/products/987654321").status());

        assertEquals(loads + 2, shop.metric("ecolaura_catalog_product_loads_total"));
        assertFalse(redis.hasField("products", "987654321"));
    }

    @Test
    void trendingRanksTheMostViewedProductsAndIsComputedOncePerTtl() {
        for (int i = 0; i < 40; i++) {
            shop.get("api/products/7");
        }
        for (int i = 0; i < 30; i++) {
            shop.get("api/products/8");
        }
        // other test classes may have viewed other products more (on PostgreSQL the database is shared)
        Eventually.holds("product 7 ranks above product 8, with their views", Duration.ofSeconds(20), () -> {
            redis.clear("trending");
            var items = shop.get("api/products/trending?limit=50").json().get("items");
            int rank7 = rankOf(items, 7);
            int rank8 = rankOf(items, 8);
            return rank7 > 0 && rank8 > rank7 && viewsOf(items, 7) >= 40 && viewsOf(items, 8) >= 30;
        });
        double computations = shop.metric("ecolaura_trending_computations_total");

        var first = shop.get("api/products/trending?limit=50");
        var second = shop.get("api/products/trending?limit=50");

        assertEquals(first.json(), second.json());
        assertEquals(computations, shop.metric("ecolaura_trending_computations_total"), "both served from the cache");
    }

    @Test
    void nothingInRedisNamesAPayaraClassAndPayarasHazelcastCachesStayEmpty() {
        shop.get("api/products/45");
        shop.get("api/products/45/sustainability-score");
        shop.get("api/search?q=bamboo");
        assertEquals(200, shop.signedInAs("user-3").get("api/profiles/user-3").status());
        shop.get("api/products?category=home");

        var everything = redis.everything();

        assertTrue(everything.size() > 10, "Redis holds the entries just cached");
        for (byte[] bytes : everything) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("fish.payara") || text.contains("hazelcast"), text);
        }
        assertEquals(0, shop.metric("ecolaura_cache_hazelcast_entries"), "nothing cached in Payara's Hazelcast");
    }

    private static int rankOf(JsonNode items, long productId) {
        for (JsonNode item : items) {
            if (item.get("product").get("id").asLong() == productId) {
                return item.get("rank").asInt();
            }
        }
        return -1;
    }

    private static long viewsOf(JsonNode items, long productId) {
        for (JsonNode item : items) {
            if (item.get("product").get("id").asLong() == productId) {
                return item.get("views").asLong();
            }
        }
        return 0;
    }

    static String product(String sku, String price, String material) {
        return """
                {"sku":"%s","name":"Test Tote","description":"for a test","category":"fashion","brand":"Test",
                 "price":%s,"currency":"EUR","stock":5,"materials":["%s"],"certifications":[],
                 "carbonFootprintKg":3.5,"recycledContentPercent":10,"packaging":"RECYCLED","originCountry":"PT"}
                """
                .formatted(sku, price, material);
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    /** JSON-B leaves out null fields; Jackson in the cache keeps them. */
    private static JsonNode withoutNulls(JsonNode node) {
        var copy = node.deepCopy();
        var fields = ((com.fasterxml.jackson.databind.node.ObjectNode) copy);
        var names = new java.util.ArrayList<String>();
        fields.fieldNames().forEachRemaining(names::add);
        names.stream().filter(name -> fields.get(name).isNull()).forEach(fields::remove);
        return copy;
    }

    private static ShopClient.Reply ok(ShopClient.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }
}
