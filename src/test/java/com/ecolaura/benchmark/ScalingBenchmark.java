package com.ecolaura.benchmark;

import static com.ecolaura.testing.ShopInfrastructure.freePort;
import static com.ecolaura.testing.ShopInfrastructure.loopbackRedis;

import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Cache warming and predictive prefetching, measured (docs/benchmarks.md, docs/scaling.md): shoppers
 * browse ({@link Browsing}) a first instance, which learns the hot products and what is viewed after
 * what; then, one after the other, new instances start with every cache emptied (a deploy that
 * cleared them) and the same shoppers, same seed: cold, warmed at start, and cold with prefetching.
 * Each second the products cache's hit ratio is read from /metrics. Prints a table, writes it to
 * target/bench/scaling.md.
 */
public final class ScalingBenchmark {

    private static final int CATALOG_SIZE = Integer.getInteger("bench.products", 10_000);
    private static final int HOT = Integer.getInteger("bench.hot", 2_000);
    private static final int SHOPPERS = Integer.getInteger("bench.shoppers", 8);
    private static final Duration LEARN = Duration.ofSeconds(Long.getLong("bench.learn-seconds", 90));
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.run-seconds", 120));
    private static final long SEED = 20261126L;

    record Mode(String name, String title, Map<String, String> settings) {}

    /** One second of a run: views and the products cache's hits and misses in it. */
    record Second(long views, double hits, double misses) {
        double ratio() {
            return hits + misses == 0 ? Double.NaN : hits / (hits + misses);
        }
    }

    record Run(
            Mode mode,
            double secondsToReady,
            List<Second> seconds,
            long views,
            long errors,
            double productLoads,
            double redisCommands,
            double prefetchIssued,
            double prefetchUsed,
            double prefetchWasted) {

        double ratio(int fromSecond, int toSecond) {
            double hits = 0;
            double misses = 0;
            for (int i = fromSecond; i < Math.min(toSecond, seconds.size()); i++) {
                hits += seconds.get(i).hits();
                misses += seconds.get(i).misses();
            }
            return hits / (hits + misses);
        }

        /** Seconds from the first shopper until a 2-second window's hit ratio is 90 % or more. */
        double secondsTo90() {
            for (int i = 1; i < seconds.size(); i++) {
                if (ratio(i - 1, i + 1) >= 0.9) {
                    return i + 1;
                }
            }
            return Double.NaN;
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "bench"));
        int redisPort = freePort();
        var redisServer = loopbackRedis(redisPort);
        redisServer.start();
        String redisAddress = "redis://127.0.0.1:" + redisPort;
        try (var postgres = EmbeddedPostgres.builder().start()) {
            var redis = redisClient(redisAddress);
            Map<String, String> common = new LinkedHashMap<>();
            common.put("ecolaura.redis.address", redisAddress);
            common.put("ecolaura.db.url", postgres.getJdbcUrl("postgres", "postgres"));
            common.put("ecolaura.db.user", "postgres");
            common.put("ecolaura.catalog.sample-size", Integer.toString(CATALOG_SIZE));
            common.put("ecolaura.warming.top", Integer.toString(HOT));
            // the hit ratios compare what was learnt, not the random products the JIT rehearsal reads
            common.put("ecolaura.warming.rehearsal", "PT0S");
            // nor a catalog warmed whole (it fits): what the hot counts and the prefetcher learnt is measured
            common.put("ecolaura.warming.catalog-products", "0");
            System.out.printf(
                    "scaling benchmark: %,d products, %d shoppers, learning %d s, runs of %d s, hot top %d, %s%n",
                    CATALOG_SIZE, SHOPPERS, LEARN.toSeconds(), RUN.toSeconds(), HOT, Instant.now());
            redis.getKeys().flushall();
            var learning = new Mode(
                    "learning",
                    "learning instance",
                    Map.of(
                            "ecolaura.warming.enabled", "false",
                            "ecolaura.prefetch.enabled", "false",
                            "ecolaura.warming.flush-interval", "PT2S",
                            "ecolaura.prefetch.flush-interval", "PT2S"));
            try (var shop = start(learning, common, folder)) {
                try (var browsing = new Browsing(client(shop), CATALOG_SIZE, SHOPPERS, SEED - 1)) {
                    ShopProcess.sleep(LEARN);
                }
                ShopProcess.sleep(Duration.ofSeconds(3)); // the last counts flushed
            }
            // the measured instances learn nothing more: every run starts from the same model
            Map<String, String> frozen =
                    Map.of("ecolaura.warming.flush-interval", "PT24H", "ecolaura.prefetch.flush-interval", "PT24H");
            var modes = List.of(
                    new Mode("cold", "cold start", with(frozen, "false", "false")),
                    new Mode("warmed", "warmed at start", with(frozen, "true", "false")),
                    new Mode("prefetch", "cold start, prefetching", with(frozen, "false", "true")));
            List<Run> runs = new ArrayList<>();
            for (Mode mode : modes) {
                emptyTheCaches(redis);
                runs.add(measure(mode, common, folder, redis));
            }
            String table = table(runs);
            System.out.println(table);
            Files.writeString(folder.resolve("scaling.md"), table);
            redis.shutdown();
        } finally {
            redisServer.stop();
        }
    }

    private static Map<String, String> with(Map<String, String> base, String warming, String prefetch) {
        var settings = new LinkedHashMap<>(base);
        settings.put("ecolaura.warming.enabled", warming);
        settings.put("ecolaura.prefetch.enabled", prefetch);
        return settings;
    }

    private static ShopProcess start(Mode mode, Map<String, String> common, Path folder) throws IOException {
        var settings = new LinkedHashMap<>(common);
        settings.putAll(mode.settings());
        String managementPort = Integer.toString(freePort());
        settings.put("ecolaura.management.port", managementPort);
        System.setProperty("ecolaura.test.management.port", managementPort);
        return ShopProcess.start(mode.name(), freePort(), settings, folder);
    }

    private static ShopClient client(ShopProcess shop) throws IOException {
        return new ShopClient(URI.create("http://127.0.0.1:" + shop.port + "/").toURL());
    }

    /** As after a deploy that cleared them: every cache and region gone, what was learnt kept. */
    private static void emptyTheCaches(RedissonClient redis) {
        for (String key : redis.getKeys().getKeys()) {
            if (!key.startsWith("ecolaura:hot:") && !key.startsWith("ecolaura:next:")) {
                redis.getKeys().delete(key);
            }
        }
    }

    private static Run measure(Mode mode, Map<String, String> common, Path folder, RedissonClient redis)
            throws Exception {
        long started = System.nanoTime();
        try (var shop = start(mode, common, folder)) {
            double ready = (System.nanoTime() - started) / 1e9;
            var client = client(shop);
            double loadsBefore = ServerReadings.metric(client, "ecolaura_catalog_product_loads_total");
            long commandsBefore = ServerReadings.read(client, redis).redisCommands();
            var seconds = new ArrayList<Second>();
            long views;
            long errors;
            try (var browsing = new Browsing(client, CATALOG_SIZE, SHOPPERS, SEED)) {
                double hits = productHits(client);
                double misses = misses(client);
                long viewed = 0;
                long next = System.nanoTime();
                for (int second = 0; second < RUN.toSeconds(); second++) {
                    next += 1_000_000_000L;
                    ShopProcess.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
                    double nowHits = productHits(client);
                    double nowMisses = misses(client);
                    long nowViewed = browsing.views.get();
                    seconds.add(new Second(nowViewed - viewed, nowHits - hits, nowMisses - misses));
                    hits = nowHits;
                    misses = nowMisses;
                    viewed = nowViewed;
                }
                views = browsing.views.get();
                errors = browsing.errors.get();
            }
            var run = new Run(
                    mode,
                    ready,
                    seconds,
                    views,
                    errors,
                    ServerReadings.metric(client, "ecolaura_catalog_product_loads_total") - loadsBefore,
                    ServerReadings.read(client, redis).redisCommands() - commandsBefore,
                    ServerReadings.metric(client, "ecolaura_cache_prefetch_issued"),
                    ServerReadings.metric(client, "ecolaura_cache_prefetch_used"),
                    ServerReadings.metric(client, "ecolaura_cache_prefetch_wasted"));
            System.out.printf(
                    Locale.ROOT,
                    "%s: ready in %.1f s, %d views, hit ratio %.3f, 90 %% after %.0f s, per second: %s%n",
                    mode.title(),
                    ready,
                    views,
                    run.ratio(0, seconds.size()),
                    run.secondsTo90(),
                    seconds.stream()
                            .map(s -> String.format(Locale.ROOT, "%.2f", s.ratio()))
                            .toList());
            return run;
        }
    }

    private static double productHits(ShopClient client) {
        String metrics = client.metrics().body();
        return value(metrics, "ecolaura_cache_hits_total") + value(metrics, "ecolaura_cache_stale_hits_total");
    }

    private static double misses(ShopClient client) {
        return value(client.metrics().body(), "ecolaura_cache_misses_total");
    }

    private static double value(String metrics, String name) {
        var line = java.util.regex.Pattern.compile(
                        "^" + name + "\\{cache=\"products\"[^}]*\\} (\\S+)$", java.util.regex.Pattern.MULTILINE)
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    static String table(List<Run> runs) {
        var text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%,d products, %d shoppers (8 views per session, 70 %% to a related product), learning %d s, "
                        + "runs of %d s from emptied caches, hot top %d%n%n",
                CATALOG_SIZE,
                SHOPPERS,
                LEARN.toSeconds(),
                RUN.toSeconds(),
                HOT));
        text.append(
                "| start | s to ready | views | hit ratio, first 10 s | hit ratio, whole run | s to 90 % hit ratio "
                        + "| product loads from the database per 1,000 views | Redis commands per view "
                        + "| prefetched per 1,000 views | prefetched, then viewed | prefetched, never viewed in the run | errors |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            // a prefetch not viewed by the end of the run counts as never used
            double prefetched = run.prefetchIssued();
            double unused = prefetched - run.prefetchUsed();
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %,d | %.1f %% | %.1f %% | %s | %.0f | %.1f | %.0f | %s | %s | %d |%n",
                    run.mode().title(),
                    run.secondsToReady(),
                    run.views(),
                    100 * run.ratio(0, 10),
                    100 * run.ratio(0, run.seconds().size()),
                    Double.isNaN(run.secondsTo90()) ? "not reached" : String.format("%.0f", run.secondsTo90()),
                    1000 * run.productLoads() / run.views(),
                    run.redisCommands() / run.views(),
                    1000 * run.prefetchIssued() / run.views(),
                    prefetched == 0
                            ? "–"
                            : String.format(
                                    Locale.ROOT,
                                    "%.0f (%.0f %%)",
                                    run.prefetchUsed(),
                                    100 * run.prefetchUsed() / prefetched),
                    prefetched == 0
                            ? "–"
                            : String.format(Locale.ROOT, "%.0f (%.0f %%)", unused, 100 * unused / prefetched),
                    run.errors()));
        }
        return text.toString();
    }

    private static RedissonClient redisClient(String address) {
        var config = new Config();
        config.useSingleServer().setAddress(address);
        return Redisson.create(config);
    }
}
