package com.ecolaura.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Browser;
import com.ecolaura.testing.RedisProbe;
import com.ecolaura.testing.RespCommands;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Metrics, health and the admin API, on a shop with a Redis of its own that a test stops. Each
 * call must move each counter by exactly the expected amount.
 */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
class ObservabilityIT {

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-observed")
    static WebArchive shop() {
        return ShopDeployment.war();
    }

    @ArquillianResource
    URL deployment;

    ShopClient shop;

    @BeforeEach
    void connect() {
        shop = new ShopClient(deployment);
    }

    @Test
    void aMissThenAHitMoveTheirCountersByExactlyOne() {
        var before = counters("products");

        assertEquals(200, shop.get("api/products/1501").status());
        var afterMiss = counters("products");
        assertEquals(200, shop.get("api/products/1501").status());
        var afterHit = counters("products");

        assertEquals(before.plus(0, 1, 1, 1, 0), afterMiss, "a miss: one miss, one load, one put");
        assertEquals(afterMiss.plus(1, 0, 0, 0, 0), afterHit, "a hit: one hit");
        assertTrue(shop.metric("ecolaura_cache_hit_ratio{cache=\"products\"") > 0);
    }

    @Test
    void aRedisOutageCountsOneErrorPerReadServesFromTheDatabaseAndKeepsTheShopReady() {
        var before = counters("products");
        ShopInfrastructure.stopFaultRedis();
        try {
            var reply = shop.get("api/products/1502");
            assertEquals(200, reply.status(), reply.body());
            assertEquals(1502, reply.json().get("id").asLong());
            assertEquals(before.plus(0, 1, 1, 0, 1), counters("products"), "one miss, one load, one error, no put");

            var health = shop.get("health/ready");
            assertEquals(200, health.status(), health.body());
            JsonNode redis = check(health.json(), "redis");
            assertEquals("UP", redis.get("status").asText());
            assertFalse(redis.get("data").get("reachable").asBoolean());
            assertEquals("UP", check(health.json(), "database").get("status").asText());
            assertEquals(0, shop.metric("ecolaura_redis_up"));
        } finally {
            ShopInfrastructure.startFaultRedis();
        }
    }

    @Test
    void theNearCacheIsEmptiedWhenRedisGoesAwayAndUsedAgainOnlyOnceItListensAgain() {
        String nearHits = "ecolaura_cache_near_hits_total{cache=\"products\"";
        shop.get("api/products/1503");
        shop.get("api/products/1503");
        // a near hit needs a fresh pulse (40 ms): on a busy machine a read may go to Redis instead
        com.ecolaura.testing.Eventually.holds("a near hit before the outage", Duration.ofSeconds(10), () -> {
            double seen = shop.metric(nearHits);
            return shop.get("api/products/1503").status() == 200 && shop.metric(nearHits) == seen + 1;
        });
        double before = shop.metric(nearHits);

        ShopInfrastructure.stopFaultRedis();
        try {
            com.ecolaura.testing.Eventually.holds(
                    "the near cache stops on a lost connection",
                    Duration.ofSeconds(10),
                    () -> shop.metric("ecolaura_cache_near_listening") == 0);
            assertEquals(0, shop.metric("ecolaura_cache_near_entries{cache=\"products\""));
        } finally {
            ShopInfrastructure.startFaultRedis();
        }
        com.ecolaura.testing.Eventually.holds(
                "the near cache listens again after Redis is back",
                Duration.ofSeconds(60),
                () -> shop.metric("ecolaura_cache_near_listening") == 1);
        var reply = shop.get("api/products/1503");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(before, shop.metric(nearHits), "nothing from before the outage was served from the near cache");
    }

    @Test
    void theAdminApiAnswers401WithoutCredentials403WithoutTheRoleAndAuditsEveryChange() {
        var anonymous = shop.get("api/admin/caches");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(
                401,
                shop.send(as("admin", "wrong").GET().uri(uri("api/admin/caches")))
                        .status());
        assertEquals(
                403,
                shop.send(as("viewer", "s3cret-viewer").GET().uri(uri("api/admin/caches")))
                        .status());
        assertEquals(
                403,
                shop.send(as("viewer", "s3cret-viewer").DELETE().uri(uri("api/admin/caches/products")))
                        .status());

        var list = shop.send(as("admin", "s3cret-admin").GET().uri(uri("api/admin/caches")));
        assertEquals(200, list.status(), list.body());
        assertEquals(7, list.json().size());
        assertEquals(3600, find(list.json(), "products").get("ttlSeconds").asLong());

        shop.get("api/products/1503");
        try (var redis = new RedisProbe(ShopInfrastructure.faultRedisAddress())) {
            assertTrue(redis.hasField("products", "1503"));
            var evict =
                    shop.send(as("admin", "s3cret-admin").DELETE().uri(uri("api/admin/caches/products/entries/1503")));
            assertEquals(204, evict.status());
            assertFalse(redis.hasField("products", "1503"), "evicted from Redis");
        }
        var clear = shop.send(as("admin", "s3cret-admin").DELETE().uri(uri("api/admin/caches/search-results")));
        assertEquals(200, clear.status(), clear.body());
        var warm = shop.send(as("admin", "s3cret-admin")
                .POST(HttpRequest.BodyPublishers.noBody())
                .uri(uri("api/admin/caches/products/warm?limit=25")));
        assertEquals(25, warm.json().get("entries").asInt(), warm.body());
        assertEquals(
                404,
                shop.send(as("admin", "s3cret-admin").DELETE().uri(uri("api/admin/caches/nope")))
                        .status());

        try (var redis = new RedisProbe(ShopInfrastructure.faultRedisAddress())) {
            var trail = redis.stream("ecolaura:audit", 10);
            assertTrue(
                    trail.stream()
                            .anyMatch(e -> e.get("user").equals("admin")
                                    && e.get("action").equals("evict-key")
                                    && e.get("target").equals("products[1503]")),
                    trail.toString());
            assertTrue(
                    trail.stream()
                            .anyMatch(e -> e.get("action").equals("clear-cache")
                                    && e.get("target").equals("search-results")),
                    trail.toString());
        }
        var audit = shop.send(as("admin", "s3cret-admin").GET().uri(uri("api/admin/audit?count=5")));
        assertTrue(audit.body().contains("warm-cache"), audit.body());
    }

    @Test
    void theGrafanaDashboardAndTheAlertRulesUseOnlyMetricsTheShopExports() throws Exception {
        shop.get("api/products/1504");
        var metrics = shop.metrics();
        Set<String> exported = new HashSet<>();
        var names = Pattern.compile("^(ecolaura_[a-z0-9_]+)", Pattern.MULTILINE).matcher(metrics.body());
        while (names.find()) {
            exported.add(names.group(1));
        }
        assertTrue(exported.contains("ecolaura_cache_hits_total"), exported.toString());
        for (String file :
                new String[] {"server-config/grafana/ecolaura-caches.json", "server-config/prometheus/alerts.yml"}) {
            var used = Pattern.compile("\\b(ecolaura_[a-z0-9_]+)").matcher(Files.readString(Path.of(file)));
            int count = 0;
            while (used.find()) {
                assertTrue(
                        exported.contains(used.group(1)), file + " uses " + used.group(1) + ", which is not exported");
                count++;
            }
            assertTrue(count >= 5, file + " names " + count + " metrics");
        }
        new ObjectMapper()
                .readTree(Path.of("server-config/grafana/ecolaura-caches.json").toFile());
    }

    @Test
    @EnabledIf("com.ecolaura.testing.Browser#available")
    void theStorefrontShowsProductsAndAProductWithItsScoreWithoutConsoleErrors() {
        try (var browser = new Browser()) {
            var driver = browser.driver();
            driver.get(shop.resolve("").toString());
            browser.waitUpTo(Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("#products li")).size() == 12);
            assertTrue(driver.findElement(By.id("results-count")).getText().matches("\\d+ products"));
            driver.findElements(By.cssSelector("#products li")).get(0).click();
            browser.waitUpTo(Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("detail")).getText().contains("grade"));
            driver.findElement(By.id("query")).sendKeys("bamboo");
            driver.findElement(By.cssSelector("#search button")).click();
            browser.waitUpTo(Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("results-title")).getText().contains("bamboo"));
            Path screenshot = browser.screenshot("storefront");
            assertEquals(List.of(), browser.consoleErrors());
            assertTrue(screenshot.toFile().length() > 10_000);
        }
    }

    @Test
    @EnabledIf("com.ecolaura.testing.Browser#available")
    void theStorefrontFitsEveryScreenFrom360To1920PixelsWithItsPictures() {
        try (var browser = new Browser()) {
            var driver = browser.driver();
            for (int width : new int[] {360, 390, 768, 1024, 1280, 1920}) {
                driver.executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 800));
                // the widest state: a product open beside the list, trending shown
                driver.get(shop.resolve("?product=7").toString());
                var wait = browser.waitUpTo(Duration.ofSeconds(20));
                wait.until(d -> d.findElements(By.cssSelector("#products li")).size() == 12);
                wait.until(d -> d.findElement(By.id("detail")).getText().contains("grade"));
                wait.until(d -> (Boolean) driver.executeScript("const img = document.querySelector('#products img');"
                        + " return img !== null && img.complete && img.naturalWidth > 0;"));
                Number overflow = (Number) driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                browser.screenshot("storefront-" + width);
                assertEquals(
                        0, overflow.intValue(), width + " px wide: the page scrolls sideways by " + overflow + " px");
                String chosen =
                        (String) driver.executeScript("return document.querySelector('#products img').currentSrc;");
                assertTrue(chosen.matches(".*/images/products/\\d+\\.[0-9a-f]{8}\\.w\\d+\\.jpg"), chosen);
            }
            var loading = driver.findElements(By.cssSelector("#products img")).stream()
                    .map(img -> img.getAttribute("loading"))
                    .toList();
            assertEquals(List.of("eager", "eager", "eager", "eager"), loading.subList(0, 4), "the first row at once");
            assertTrue(loading.subList(4, loading.size()).stream().allMatch("lazy"::equals), "the rest when near");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    @EnabledIf("com.ecolaura.testing.Browser#available")
    void theDashboardShowsLiveNumbersForEveryCacheWithoutConsoleErrors() {
        shop.get("api/products/1505");
        shop.get("api/products/1505");
        try (var browser = new Browser()) {
            var driver = browser.driver();
            // as a browser that has answered the Basic challenge: every request carries the credentials
            String basic = Base64.getEncoder().encodeToString("admin:s3cret-admin".getBytes(StandardCharsets.UTF_8));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand(
                    "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
            driver.get(shop.resolve("admin/").toString());
            browser.waitUpTo(Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("#caches .card")).size() == 7);
            // shoppers meanwhile: the dashboard must show them, live
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var shoppers = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    shop.get("api/products/" + (1 + i % 40));
                    shop.get("api/search?q=cork&page=" + (i % 3));
                }
            });
            shoppers.start();
            try {
                // the dashboard redraws every 2 s: read inside retried conditions, which ignore stale elements
                var wait = browser.waitUpTo(Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
                wait.until(d -> hitsPerSecond(d, "products") > 0 && hitsPerSecond(d, "search-results") > 0);
                String products = wait.until(d -> {
                    String ratio = d.findElement(By.cssSelector("[data-cache='products'] .ratio"))
                            .getText();
                    return ratio.matches("\\d+\\.\\d%") && !ratio.equals("0.0%") ? ratio : null;
                });
                assertTrue(products.endsWith("%"), products);
                Boolean redisUp =
                        wait.until(d -> d.findElement(By.id("redis")).getText().contains("up"));
                assertTrue(redisUp);
                browser.screenshot("dashboard");
            } finally {
                stop.set(true);
            }
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    @EnabledIf("prometheusAvailable")
    void aRealPrometheusScrapesTheShopWithTheShippedConfigurationAndAnswersAHitRatioQuery() throws Exception {
        shop.get("api/products/1506");
        shop.get("api/products/1506");
        Path folder = Files.createTempDirectory("prometheus");
        String target = "127.0.0.1:" + System.getProperty("ecolaura.test.management.port");
        Files.writeString(
                folder.resolve("prometheus.yml"),
                Files.readString(Path.of("server-config/prometheus/prometheus.yml"))
                        .replace("127.0.0.1:9080", target)
                        .replace("scrape_interval: 10s", "scrape_interval: 1s"));
        Files.copy(Path.of("server-config/prometheus/alerts.yml"), folder.resolve("alerts.yml"));
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var prometheus = new ProcessBuilder(
                        "prometheus",
                        "--config.file=" + folder.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + folder.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("prometheus.log").toFile())
                .start();
        try {
            var query = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                    + java.net.URLEncoder.encode(
                            "ecolaura_cache_hit_ratio{cache=\"products\"}", StandardCharsets.UTF_8));
            var answer = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
            com.ecolaura.testing.Eventually.holds(
                    "Prometheus has scraped a products hit ratio", Duration.ofSeconds(60), () -> {
                        try {
                            var reply = shop.send(HttpRequest.newBuilder(query));
                            JsonNode result = reply.status() == 200
                                    ? reply.json().path("data").path("result")
                                    : null;
                            answer.set(result);
                            return result != null && result.size() == 1;
                        } catch (RuntimeException e) {
                            return false; // not listening yet
                        }
                    });
            double ratio = answer.get().get(0).get("value").get(1).asDouble();
            System.out.printf("PROMETHEUS ecolaura_cache_hit_ratio{cache=\"products\"} = %.3f%n", ratio);
            assertTrue(ratio > 0 && ratio <= 1, "hit ratio " + ratio);
            var rules = shop.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/rules")));
            assertTrue(rules.body().contains("CacheHitRatioLow") && rules.body().contains("RedisDown"), rules.body());
        } finally {
            prometheus.destroy();
            prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    @EnabledIf("redisExporterAvailable")
    void aRealRedisExporterFeedsTheShippedRedisPanelsAndRules() throws Exception {
        Path folder = Files.createTempDirectory("redis-exporter");
        int exporterPort = ShopInfrastructure.freePort();
        int prometheusPort = ShopInfrastructure.freePort();
        var exporter = new ProcessBuilder(
                        "prometheus-redis-exporter",
                        "-redis.addr",
                        ShopInfrastructure.faultRedisAddress(),
                        "-web.listen-address",
                        "127.0.0.1:" + exporterPort)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("exporter.log").toFile())
                .start();
        Files.writeString(
                folder.resolve("prometheus.yml"),
                Files.readString(Path.of("server-config/prometheus/prometheus.yml"))
                        .replace("127.0.0.1:9080", "127.0.0.1:" + System.getProperty("ecolaura.test.management.port"))
                        .replace("127.0.0.1:9121", "127.0.0.1:" + exporterPort)
                        .replace("scrape_interval: 10s", "scrape_interval: 1s"));
        Files.copy(Path.of("server-config/prometheus/alerts.yml"), folder.resolve("alerts.yml"));
        var prometheus = new ProcessBuilder(
                        "prometheus",
                        "--config.file=" + folder.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + folder.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("prometheus.log").toFile())
                .start();
        try {
            ShopInfrastructure.startFaultRedis();
            shop.get("api/products/1507");
            String base = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
            var memory = new java.util.concurrent.atomic.AtomicReference<Double>();
            com.ecolaura.testing.Eventually.holds(
                    "Prometheus has scraped Redis's memory through redis_exporter", Duration.ofSeconds(60), () -> {
                        try {
                            var result = shop.send(HttpRequest.newBuilder(URI.create(base + "query?query="
                                            + java.net.URLEncoder.encode(
                                                    "redis_memory_used_bytes{job=\"redis\"}", StandardCharsets.UTF_8))))
                                    .json()
                                    .path("data")
                                    .path("result");
                            if (result.size() == 1) {
                                memory.set(result.get(0).get("value").get(1).asDouble());
                            }
                            return result.size() == 1;
                        } catch (RuntimeException e) {
                            return false; // not listening yet
                        }
                    });
            System.out.printf("PROMETHEUS redis_memory_used_bytes{job=\"redis\"} = %.0f%n", memory.get());
            assertTrue(memory.get() > 0);
            var rules = shop.send(HttpRequest.newBuilder(URI.create(base + "rules")));
            assertTrue(
                    rules.body().contains("RedisMemoryNearLimit")
                            && rules.body().contains("RedisCommandLatencyHigh"),
                    rules.body());
            // every exporter metric the panels and rules name is one redis_exporter exports
            String exported = shop.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporterPort + "/metrics")))
                    .body();
            for (String file :
                    new String[] {"server-config/grafana/ecolaura-caches.json", "server-config/prometheus/alerts.yml"
                    }) {
                var used = Pattern.compile("\\b(redis_[a-z0-9_]+)").matcher(Files.readString(Path.of(file)));
                int count = 0;
                while (used.find()) {
                    assertTrue(
                            exported.contains("\n" + used.group(1)),
                            file + " uses " + used.group(1) + ", which redis_exporter does not export");
                    count++;
                }
                assertTrue(count >= 5, file + " names " + count + " redis_exporter metrics");
            }
        } finally {
            prometheus.destroy();
            exporter.destroy();
            prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            exporter.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    static boolean redisExporterAvailable() {
        return prometheusAvailable()
                && java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .anyMatch(folder -> Files.isExecutable(Path.of(folder, "prometheus-redis-exporter")));
    }

    /** The hits/s a dashboard card shows. */
    private static double hitsPerSecond(org.openqa.selenium.WebDriver driver, String cache) {
        var numbers = driver.findElements(By.cssSelector("[data-cache='" + cache + "'] .numbers b"));
        return numbers.isEmpty() ? 0 : Double.parseDouble(numbers.get(0).getText());
    }

    static boolean prometheusAvailable() {
        return java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "prometheus")));
    }

    @Test
    void theShopReachesItsRedisOverTlsConfiguredThroughARedissonYaml() {
        // the first calls after a restart of this Redis (another test stops it) pay reconnection and TLS handshakes
        com.ecolaura.testing.Eventually.holds("a cache hit over TLS", Duration.ofSeconds(30), () -> {
            double hits = shop.metric("ecolaura_cache_hits_total{cache=\"products\"");
            shop.get("api/products/1507");
            shop.get("api/products/1507");
            return shop.metric("ecolaura_cache_hits_total{cache=\"products\"") > hits;
        });
        String tlsPort = ":" + ShopInfrastructure.faultRedisTlsPort();

        // Redis lists each client with the server address it connected to; only the shop is given the TLS port
        var clients = java.util.Arrays.stream(RespCommands.run(
                        Integer.parseInt(ShopInfrastructure.faultRedisAddress().replaceAll(".*:", "")), "CLIENT LIST"))
                .filter(line -> line.contains("laddr="))
                .toList();
        assertTrue(
                clients.stream().anyMatch(client -> client.contains("laddr=127.0.0.1" + tlsPort + " ")),
                "connections on the TLS port: " + clients);
    }

    @Test
    void metricsAreServedOnTheManagementListenerOnlyNotOnThePublicOne() {
        var onThePublicListener = shop.get("/metrics");
        assertEquals(404, onThePublicListener.status());
        assertFalse(onThePublicListener.body().contains("ecolaura_cache"), onThePublicListener.body());
        assertEquals(200, shop.metrics().status());
        assertTrue(shop.metrics().body().contains("ecolaura_cache_hits_total"));
    }

    @Test
    void openApiDescribesTheApi() {
        var openApi = shop.send(
                HttpRequest.newBuilder(URI.create(shop.resolve("").toString().replaceAll("/$", "") + "/openapi")));
        assertEquals(200, openApi.status());
        for (String expected : List.of(
                "Ecolaura shop API",
                "/api/products/{id}",
                "/api/search",
                "/api/admin/caches",
                "Compostable Flax Fibre Power Bank")) {
            assertTrue(openApi.body().contains(expected), "OpenAPI document names " + expected);
        }
    }

    record Counters(double hits, double misses, double loads, double puts, double errors) {
        Counters plus(double h, double m, double l, double p, double e) {
            return new Counters(hits + h, misses + m, loads + l, puts + p, errors + e);
        }
    }

    private Counters counters(String cache) {
        String tag = "{cache=\"" + cache + "\"";
        return new Counters(
                shop.metric("ecolaura_cache_hits_total" + tag),
                shop.metric("ecolaura_cache_misses_total" + tag),
                shop.metric("ecolaura_cache_loads_total" + tag),
                shop.metric("ecolaura_cache_puts_total" + tag),
                shop.metric("ecolaura_cache_errors_total" + tag));
    }

    private URI uri(String path) {
        return shop.resolve(path);
    }

    private static HttpRequest.Builder as(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder().header("Authorization", "Basic " + basic);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no health check " + name + " in " + health);
    }

    private static JsonNode find(JsonNode caches, String name) {
        for (JsonNode cache : caches) {
            if (cache.get("name").asText().equals(name)) {
                return cache;
            }
        }
        throw new AssertionError("no cache " + name + " in " + caches);
    }
}
