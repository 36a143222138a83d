package com.ecolaura.benchmark;

import static com.ecolaura.testing.ShopInfrastructure.freePort;
import static com.ecolaura.testing.ShopInfrastructure.loopbackRedis;

import com.ecolaura.testing.Browser;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopProcess;
import com.ecolaura.testing.Varnish;
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
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The side-by-side benchmark (bench/README.md): the same workload against the shop with no cache,
 * with Redis, and with the near cache in front of Redis, each against the ceiling of a constant response,
 * on one embedded PostgreSQL and one redis-server; prints one table and writes it to
 * target/bench/results.md.
 */
public final class Benchmark {

    private static final int CATALOG_SIZE = Integer.getInteger("bench.products", 20_000);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 90));
    private static final Duration COLD_START = Duration.ofSeconds(Long.getLong("bench.coldstart-seconds", 120));
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.run-seconds", 20));
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** Only the cold-start table: for trying what the first minutes depend on. */
    private static final boolean COLD_START_ONLY = Boolean.getBoolean("bench.coldstart-only");
    /** The modes to measure (no-cache, redis, near, edge), all by default. */
    private static final List<String> MODES = List.of(
            System.getProperty("bench.modes", "no-cache,redis,near,edge").split(","));
    /** false: the mix without PostgreSQL's trigram indexes, to see what they are worth. */
    private static final boolean SEARCH_INDEX = Boolean.parseBoolean(System.getProperty("bench.search-index", "true"));

    private static final long[] PAGE_PRODUCTS = {11, 12, 13, 14, 15};
    static final int REMOTE_ROUND_TRIP_MILLIS = 40;

    /** {@code edge}: measured through a Varnish running the shipped VCL, which the shop purges. */
    record Mode(String name, String title, Map<String, String> settings, boolean edge) {

        Mode(String name, String title, Map<String, String> settings) {
            this(name, title, settings, false);
        }
    }

    record Result(
            Mode mode,
            List<LoadRun> runs,
            ServerReadings counted,
            List<LoadRun> ceilingRuns,
            List<LoadRun> hotRuns,
            long heapBytes,
            long rssBytes,
            double redisBytesPerProduct,
            List<PageLoad.Views> pages,
            List<PageLoad.Views> remotePages) {

        long requests() {
            return runs.stream().mapToLong(LoadRun::requests).sum();
        }

        long errors() {
            return runs.stream().mapToLong(LoadRun::errors).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "bench"));
        Path data = folder.resolve("data");
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
            common.put("ecolaura.benchmark.ceiling", "true");
            List<Mode> modes = List.of(
                            new Mode("no-cache", "no cache", Map.of("ecolaura.cache.enabled", "false")),
                            new Mode("redis", "Redis", Map.of("ecolaura.cache.near.enabled", "false")),
                            new Mode("near", "near cache + Redis", Map.of()),
                            new Mode("edge", "Varnish + near cache + Redis", Map.of(), true))
                    .stream()
                    .filter(mode -> MODES.contains(mode.name()))
                    .filter(mode -> !mode.edge() || Varnish.available())
                    .toList();
            if (MODES.contains("edge") && !Varnish.available()) {
                System.out.println("edge mode skipped: apt-get install varnish varnish-modules");
            }
            System.out.printf(
                    "benchmark: %,d products, wrk -t%d -c%d, warm-up %ds, %d runs of %ds per mode, %s%n",
                    CATALOG_SIZE,
                    LoadRun.THREADS,
                    LoadRun.CONNECTIONS,
                    WARM_UP.toSeconds(),
                    RUNS,
                    RUN.toSeconds(),
                    Instant.now());
            List<Result> results = new ArrayList<>();
            boolean first = true;
            if (COLD_START_ONLY) {
                loadCatalog(common, folder, data);
                modes = List.of();
            }
            for (Mode mode : modes) {
                redis.getKeys().flushall();
                var settings = new LinkedHashMap<>(common);
                settings.putAll(mode.settings());
                // the shop's /metrics listener; the client finds it through this property
                String managementPort = Integer.toString(freePort());
                settings.put("ecolaura.management.port", managementPort);
                System.setProperty("ecolaura.test.management.port", managementPort);
                int edgePort = freePort();
                if (mode.edge()) {
                    settings.put("ecolaura.edge.purge-urls", "http://127.0.0.1:" + edgePort);
                }
                long started = System.nanoTime();
                try (var shop = ShopProcess.start(mode.name(), freePort(), settings, folder);
                        var edge = mode.edge() ? Varnish.start(edgePort, shop.port) : null) {
                    System.out.printf(
                            "%s: shop ready in %d s%n", mode.title(), (System.nanoTime() - started) / 1_000_000_000);
                    var client = new ShopClient(
                            URI.create("http://127.0.0.1:" + shop.port + "/").toURL());
                    if (first) {
                        WorkloadData.write(client, CATALOG_SIZE, data);
                        if (!SEARCH_INDEX) {
                            dropSearchIndexes(postgres);
                        }
                        first = false;
                    }
                    results.add(measure(mode, shop, edge == null ? shop.port : edge.port(), client, redis, data));
                }
            }
            String table = results.isEmpty() ? "" : Report.table(results, CATALOG_SIZE) + "\n";
            if (!COLD_START.isZero()) {
                table += coldStart(common, folder, data, redis);
            }
            System.out.println(table);
            Files.writeString(folder.resolve("results.md"), table);
            redis.shutdown();
        } finally {
            redisServer.stop();
        }
    }

    private static String coldStart(Map<String, String> common, Path folder, Path data, RedissonClient redis)
            throws IOException, InterruptedException {
        var cached = ColdStart.measure("near", "cache on", common, "reads", COLD_START, folder, data, redis);
        var unprepared = new LinkedHashMap<>(with(common, "ecolaura.warming.rehearsal", "PT0S"));
        unprepared.put("ecolaura.warming.catalog-products", "0");
        var unrehearsed = ColdStart.measure(
                "near-unprepared", "unprepared", unprepared, "reads", COLD_START, folder, data, redis);
        var uncached = ColdStart.measure(
                "no-cache",
                "cache off",
                with(common, "ecolaura.cache.enabled", "false"),
                "reads",
                COLD_START,
                folder,
                data,
                redis);
        var ceiling = ColdStart.measure("ceiling", "ceiling", common, "ceiling", COLD_START, folder, data, redis);
        return Report.coldStart(cached, unrehearsed, uncached, ceiling, CATALOG_SIZE);
    }

    /** The indexes migration V3 creates, dropped: search as it was before them. */
    private static void dropSearchIndexes(EmbeddedPostgres postgres) throws java.sql.SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            for (String column : List.of("name", "description", "brand", "materials")) {
                statement.execute("drop index if exists products_" + column + "_trgm");
            }
        }
        System.out.println("search indexes dropped: every search miss reads the products table");
    }

    /** Loads the sample catalog into the database, and writes the workload's data, in a shop of its own. */
    private static void loadCatalog(Map<String, String> common, Path folder, Path data)
            throws IOException, InterruptedException {
        var settings = new LinkedHashMap<>(common);
        String managementPort = Integer.toString(freePort());
        settings.put("ecolaura.management.port", managementPort);
        System.setProperty("ecolaura.test.management.port", managementPort);
        try (var shop = ShopProcess.start("catalog", freePort(), settings, folder)) {
            WorkloadData.write(
                    new ShopClient(
                            URI.create("http://127.0.0.1:" + shop.port + "/").toURL()),
                    CATALOG_SIZE,
                    data);
        }
    }

    /** The load and the page loads go to {@code port} (the shop's, or its edge's); readings come from the shop. */
    private static Result measure(
            Mode mode, ShopProcess shop, int port, ShopClient client, RedissonClient redis, Path data)
            throws IOException, InterruptedException {
        LoadRun.drive(port, "shop", WARM_UP, data);
        var before = ServerReadings.read(client, redis);
        var runs = runs(port, "shop", data);
        var counted = ServerReadings.read(client, redis).since(before);
        System.out.printf(
                "%s: %.0f req/s, p50 %.2f ms%n",
                mode.title(), median(runs, LoadRun::perSecond), median(runs, LoadRun::p50Ms));
        // the hot path against the ceiling in the same, equally warm JVM, runs interleaved
        LoadRun.drive(port, "ceiling", Duration.ofSeconds(5), data);
        LoadRun.drive(port, "hot", Duration.ofSeconds(5), data);
        List<LoadRun> ceilingRuns = new ArrayList<>();
        List<LoadRun> hotRuns = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ceilingRuns.add(LoadRun.drive(port, "ceiling", RUN, data));
            hotRuns.add(LoadRun.drive(port, "hot", RUN, data));
        }
        var pages = new ArrayList<PageLoad.Views>();
        var remotePages = new ArrayList<PageLoad.Views>();
        if (Browser.available()) {
            boolean browserCaching = !mode.name().equals("no-cache");
            for (long product : PAGE_PRODUCTS) {
                var base = URI.create("http://127.0.0.1:" + port + "/");
                pages.add(PageLoad.measure(base, product, browserCaching, 0));
                remotePages.add(PageLoad.measure(base, product + 10, browserCaching, REMOTE_ROUND_TRIP_MILLIS));
            }
        }
        shop.collectGarbage();
        long heap = (long) Math.max(
                ServerReadings.metric(client, "memory_usedHeap_bytes"),
                ServerReadings.metric(client, "base_memory_usedHeap_bytes"));
        return new Result(
                mode,
                runs,
                counted,
                ceilingRuns,
                hotRuns,
                heap,
                shop.residentBytes(),
                bytesPerProduct(redis),
                pages,
                remotePages);
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        var copy = new LinkedHashMap<>(settings);
        copy.put(key, value);
        return copy;
    }

    private static List<LoadRun> runs(int port, String workload, Path data) throws IOException, InterruptedException {
        List<LoadRun> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(LoadRun.drive(port, workload, RUN, data));
        }
        return runs;
    }

    /** Every key of the products cache (its hash and Redisson's expiry structures) per cached product. */
    private static double bytesPerProduct(RedissonClient redis) {
        long entries = redis.getMap("products").size();
        if (entries == 0) {
            return Double.NaN;
        }
        long bytes = 0;
        for (String key : redis.getKeys().getKeysByPattern("*products*")) {
            if (!key.startsWith("ecolaura:lock:")) {
                bytes += redis.getBucket(key).sizeInMemory();
            }
        }
        return (double) bytes / entries;
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> of) {
        var sorted = values.stream().mapToDouble(of).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static <T> double min(List<T> values, ToDoubleFunction<T> of) {
        return values.stream().mapToDouble(of).min().orElse(Double.NaN);
    }

    static <T> double max(List<T> values, ToDoubleFunction<T> of) {
        return values.stream().mapToDouble(of).max().orElse(Double.NaN);
    }

    private static RedissonClient redisClient(String address) {
        var config = new Config();
        config.useSingleServer().setAddress(address);
        return Redisson.create(config);
    }
}
