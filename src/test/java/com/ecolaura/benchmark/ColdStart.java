package com.ecolaura.benchmark;

import static com.ecolaura.testing.ShopInfrastructure.freePort;

import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;

/**
 * The first minutes of a shop: a fresh JVM on an emptied Redis (the same catalog in the database),
 * driven at once by the read load (70 % product detail, 30 % score, Zipf(1.1) products; wrk -t2 -c16),
 * measured in consecutive windows from the first request: req/s, p50, and the hit ratio of the two
 * caches read (from the shop's counters, before and after each window); and how long the start took
 * until the shop was ready (its warming and JIT rehearsal included).
 */
final class ColdStart {

    static final int CONNECTIONS = 16;
    static final Duration WINDOW = Duration.ofSeconds(5);

    /** {@code nearShare}: of the hits, those the near cache served without Redis. */
    record Window(long fromSecond, double perSecond, double p50Ms, double hitRatio, double nearShare) {}

    record Run(String title, List<Window> windows, double readySeconds) {}

    private ColdStart() {}

    static Run measure(
            String name,
            String title,
            Map<String, String> settings,
            String workload,
            Duration length,
            Path folder,
            Path data,
            RedissonClient redis)
            throws IOException, InterruptedException {
        redis.getKeys().flushall();
        var withPort = new LinkedHashMap<>(settings);
        String managementPort = Integer.toString(freePort());
        withPort.put("ecolaura.management.port", managementPort);
        System.setProperty("ecolaura.test.management.port", managementPort);
        long starting = System.nanoTime();
        try (var shop = ShopProcess.start("cold-" + name, freePort(), withPort, folder)) {
            double readySeconds = (System.nanoTime() - starting) / 1e9;
            var client = new ShopClient(
                    URI.create("http://127.0.0.1:" + shop.port + "/").toURL());
            var windows = new ArrayList<Window>();
            var before = counts(client);
            for (long second = 0; second < length.toSeconds(); second += WINDOW.toSeconds()) {
                var run = LoadRun.drive(shop.port, workload, WINDOW, data, CONNECTIONS);
                var after = counts(client);
                double hits = after[0] - before[0];
                double misses = after[1] - before[1];
                double nearHits = after[2] - before[2];
                windows.add(new Window(
                        second,
                        run.perSecond(),
                        run.p50Ms(),
                        hits + misses == 0 ? Double.NaN : hits / (hits + misses),
                        hits == 0 ? Double.NaN : nearHits / hits));
                before = after;
            }
            System.out.printf("cold start, %s: %s%n", title, windows);
            return new Run(title, windows, readySeconds);
        }
    }

    /** Hits (fresh and stale), misses and near hits of the products and sustainability-scores caches. */
    private static double[] counts(ShopClient client) {
        String metrics = client.metrics().body();
        double hits = 0;
        double misses = 0;
        double nearHits = 0;
        for (String cache : List.of("products", "sustainability-scores")) {
            hits += value(metrics, "ecolaura_cache_hits_total", cache)
                    + value(metrics, "ecolaura_cache_stale_hits_total", cache);
            misses += value(metrics, "ecolaura_cache_misses_total", cache);
            nearHits += value(metrics, "ecolaura_cache_near_hits_total", cache);
        }
        return new double[] {hits, misses, nearHits};
    }

    private static double value(String metrics, String name, String cache) {
        var line = java.util.regex.Pattern.compile(
                        "^" + name + "\\{[^}]*cache=\"" + cache + "\"[^}]*\\} (\\S+)$",
                        java.util.regex.Pattern.MULTILINE)
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
