package com.ecolaura.caching.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Eventually;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import com.ecolaura.testing.Varnish;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real varnishd running the shipped ecolaura.vcl in front of the shop, which purges it by
 * surrogate key after each write (through a link the test can cut). "Served by the edge" is
 * Varnish's own word (X-Cache: HIT) and the shop's: its cache counters do not move.
 * The database is not its subject: it runs in the suite's PostgreSQL half only ({@link
 * com.ecolaura.testing.SuiteDatabase}).
 */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
@EnabledIf("com.ecolaura.testing.SuiteDatabase#postgresql")
class EdgeCacheIT {

    @Deployment(testable = false)
    static WebArchive shop() {
        return ShopDeployment.war();
    }

    @ArquillianResource
    URL deployment;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Varnish varnish;

    ShopClient shop;
    ShopClient edge;

    @BeforeEach
    void startTheEdge() throws Exception {
        Assumptions.assumeTrue(
                Varnish.available(),
                "Varnish is not installed (apt-get install varnish varnish-modules; .ci/run does): edge tests skipped");
        if (varnish == null) {
            varnish = Varnish.start(Integer.getInteger("ecolaura.test.edge.port"), deployment.getPort());
        }
        shop = new ShopClient(deployment);
        edge = new ShopClient(
                URI.create("http://127.0.0.1:" + varnish.port() + "/").toURL());
        ShopInfrastructure.edgePurgeLink().heal();
    }

    @AfterAll
    static void stopTheEdge() throws InterruptedException {
        if (varnish != null) {
            varnish.close();
            varnish = null;
        }
    }

    @Test
    void aProductIsServedByTheEdgeUntilAWritePurgesIt() {
        var first = edge.get("api/products/31");
        assertEquals(200, first.status(), first.body());
        double origin = originReads();
        var second = edge.get("api/products/31");
        assertEquals("HIT", cache(second));
        assertEquals(first.body(), second.body());
        assertEquals(origin, originReads(), "the edge answered without asking the shop");
        assertTrue(second.headers().firstValue("xkey").isEmpty(), "surrogate keys stay at the edge");
        assertTrue(second.headers().firstValue("Surrogate-Control").isEmpty(), "so does the edge's TTL");
        assertEquals("0", second.headers().firstValue("Age").orElse("0"), "browsers count max-age from now");

        int stock = first.json().get("stock").asInt() + 1;
        long written = System.nanoTime();
        var patched = shop.send(
                "PATCH",
                "api/products/31",
                "{\"stock\":" + stock + "}",
                "Content-Type",
                "application/merge-patch+json");
        assertEquals(200, patched.status(), patched.body());
        var after = edge.get("api/products/31");
        System.out.printf(
                "edge: a write seen through the edge %.1f ms after it was sent%n", (System.nanoTime() - written) / 1e6);
        assertEquals(stock, after.json().get("stock").asInt(), "the write's response came after the edge's purge");
        assertEquals("MISS", cache(after));
        assertEquals("HIT", cache(edge.get("api/products/31")), "and the new version is cached again");
    }

    @Test
    void searchPagesAndScoresShowingAProductArePurgedWithIt() {
        var product = shop.get("api/products/32").json();
        String word = product.get("name").asText().split(" ")[0];
        String search = "api/search?q=" + word + "&size=100";
        var page = edge.get(search);
        assertTrue(itemOf(page.json(), 32) != null, "product 32 is on the page searched for " + word);
        assertEquals("HIT", cache(edge.get(search)));
        edge.get("api/products/32/sustainability-score");
        assertEquals("HIT", cache(edge.get("api/products/32/sustainability-score")));

        var price = new BigDecimal(product.get("price").asText()).add(BigDecimal.ONE);
        var patched = shop.send(
                "PATCH",
                "api/products/32",
                "{\"price\":" + price.toPlainString() + "}",
                "Content-Type",
                "application/merge-patch+json");
        assertEquals(200, patched.status(), patched.body());

        var after = edge.get(search);
        assertNotEquals("HIT", cache(after), "the page showed product 32: purged with it");
        assertEquals(
                0,
                price.compareTo(
                        new BigDecimal(itemOf(after.json(), 32).get("price").asText())));
        assertNotEquals("HIT", cache(edge.get("api/products/32/sustainability-score")));
    }

    @Test
    void sessionsCredentialsAndPersonalAnswersAreNeverStored() {
        var withCookie = HttpRequest.newBuilder(edge.resolve("api/products/33")).header("Cookie", "ECOLAURA_SESSION=x");
        edge.send(withCookie);
        assertEquals("PASS", cache(edge.send(withCookie)));
        var withCredentials =
                HttpRequest.newBuilder(edge.resolve("api/products/33")).header("Authorization", "Basic YWRtaW46eA==");
        assertEquals("PASS", cache(edge.send(withCredentials)));
        // a GET the shop answers without "public" (the page, which browsers keep) is fetched every time
        edge.get("");
        assertEquals("MISS", cache(edge.get("")));
        assertNotEquals("HIT", cache(edge.get("api/profiles/edge-shopper")));
    }

    @Test
    void fingerprintedAssetsAreKeptAtTheEdge() {
        var page = edge.get("");
        var asset = Pattern.compile("assets/storefront\\.[0-9a-f]{8}\\.css").matcher(page.body());
        assertTrue(asset.find(), "the page links its fingerprinted stylesheet");
        String path = asset.group();
        edge.get(path);
        var again = edge.get(path);
        assertEquals("HIT", cache(again));
        assertTrue(again.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
    }

    @Test
    void aPurgeTheEdgeMissedIsReplayedWhenItIsBack() {
        var before = edge.get("api/products/34").json();
        assertEquals("HIT", cache(edge.get("api/products/34")));
        double failures = shop.metric("ecolaura_cache_edge_purge_failures");

        ShopInfrastructure.edgePurgeLink().cut();
        int stock = before.get("stock").asInt() + 1;
        var patched = shop.send(
                "PATCH",
                "api/products/34",
                "{\"stock\":" + stock + "}",
                "Content-Type",
                "application/merge-patch+json");
        assertEquals(200, patched.status(), "an unreachable edge does not fail the write: " + patched.body());
        assertEquals(
                before.get("stock").asInt(),
                edge.get("api/products/34").json().get("stock").asInt(),
                "the edge could not be told yet");
        assertTrue(shop.metric("ecolaura_cache_edge_purge_failures") > failures, "the failed purge is counted");
        assertTrue(shop.metric("ecolaura_cache_edge_purge_pending") > 0, "and waits");

        long healed = System.nanoTime();
        ShopInfrastructure.edgePurgeLink().heal();
        Eventually.holds(
                "the edge serves the write once the purge is replayed",
                Duration.ofSeconds(10),
                () -> edge.get("api/products/34").json().get("stock").asInt() == stock);
        System.out.printf(
                "edge: a missed purge replayed %.0f ms after the edge was reachable again%n",
                (System.nanoTime() - healed) / 1e6);
        Eventually.holds(
                "nothing waits any more",
                Duration.ofSeconds(5),
                () -> shop.metric("ecolaura_cache_edge_purge_pending") == 0);
        assertFalse(shop.metric("ecolaura_cache_edge_purges") == 0, "accepted purges are counted");
    }

    @Test
    void aViewIsCountedOnceWhetherTheEdgeOrTheShopAnswered() {
        double counted = shop.metric("ecolaura_cache_views_counted");
        assertEquals("MISS", cache(edge.get("api/products/36")));
        assertEquals("HIT", cache(edge.get("api/products/36")));
        assertEquals(counted, shop.metric("ecolaura_cache_views_counted"), "the edge's fetch is no view");

        var beacon = edge.send("POST", "api/products/36/views", null);
        assertEquals(204, beacon.status(), beacon.body());
        assertEquals("PASS", cache(beacon));
        assertEquals(counted + 1, shop.metric("ecolaura_cache_views_counted"), "the storefront's beacon is");

        shop.get("api/products/36");
        assertEquals(counted + 2, shop.metric("ecolaura_cache_views_counted"), "a read the shop answers is");
        // a shopper's own request passes the edge and counts, whatever it claims to be
        edge.send(HttpRequest.newBuilder(edge.resolve("api/products/36"))
                .header("Cookie", "ecolaura_session=edge-test")
                .header("X-Ecolaura-Edge-Fetch", "1"));
        assertEquals(counted + 3, shop.metric("ecolaura_cache_views_counted"));
        assertEquals(404, edge.send("POST", "api/products/999999/views", null).status());
    }

    @Test
    void productPicturesHaveFingerprintedNamesEveryWidthAndAYearAtTheEdge() throws Exception {
        var product = shop.get("api/products/35").json();
        String url = product.get("imageUrl").asText();
        assertTrue(url.matches("/images/products/35\\.[0-9a-f]{8}\\.w640\\.jpg"), url);
        byte[] first = null;
        for (int width : new int[] {160, 320, 640}) {
            var response = bytes(shop, url.replace(".w640.", ".w" + width + "."));
            assertEquals(200, response.statusCode());
            assertEquals(
                    "image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
            var image = ImageIO.read(new ByteArrayInputStream(response.body()));
            assertEquals(width, image.getWidth());
            assertEquals(width * 3 / 4, image.getHeight());
            if (width == 640) {
                first = response.body();
            }
        }
        assertArrayEquals(first, bytes(shop, url).body(), "a name always serves the same bytes");
        bytes(edge, url);
        var atTheEdge = bytes(edge, url);
        assertEquals("HIT", atTheEdge.headers().firstValue("X-Cache").orElse(""));
        assertArrayEquals(first, atTheEdge.body());

        var renamed = shop.send(
                "PATCH",
                "api/products/35",
                "{\"name\":\"Renamed Bamboo Tumbler\"}",
                "Content-Type",
                "application/merge-patch+json");
        assertEquals(200, renamed.status(), renamed.body());
        String current = shop.get("api/products/35").json().get("imageUrl").asText();
        assertNotEquals(url, current, "a picture drawn from the name gets a new name with it");
        var old = bytes(shop, url);
        assertEquals(302, old.statusCode(), "the old name leads to the new one");
        assertTrue(old.headers().firstValue("Location").orElse("").endsWith(current));
        var unknown = bytes(shop, "/images/products/35.zz.w640.jpg");
        assertEquals(404, unknown.statusCode());
        assertEquals(
                "application/problem+json",
                unknown.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, bytes(shop, url.replace(".w640.", ".w333.")).statusCode(), "only the widths drawn");
    }

    private static HttpResponse<byte[]> bytes(ShopClient client, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(client.resolve(path.startsWith("/") ? path.substring(1) : path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Reads of the products cache the shop served (a request the edge answered is none). */
    private double originReads() {
        return shop.metric("ecolaura_cache_hits_total{cache=\"products\"}")
                + shop.metric("ecolaura_cache_misses_total{cache=\"products\"}")
                + shop.metric("ecolaura_cache_stale_hits_total{cache=\"products\"}");
    }

    private static String cache(ShopClient.Reply reply) {
        return reply.headers().firstValue("X-Cache").orElse("none");
    }

    private static JsonNode itemOf(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        return null;
    }
}
