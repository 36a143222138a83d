package com.ecolaura.warming.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import com.ecolaura.caching.store.QuietReads;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.SustainabilityScorer;
import com.ecolaura.redis.control.RedisGateway;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Warms a starting instance from the hot products ({@link HotProducts}), then, where the catalog
 * has at most {@code ecolaura.warming.catalog-products} (10,000, the products' near-cache size;
 * {@code 0}: hot only) products, from the whole catalog: in the background, on
 * {@code ecolaura.warming.threads} (4) threads, at most {@code ecolaura.warming.max-duration} (60 s),
 * each product and its score is read through the caching beans, hottest first — from Redis into
 * the near cache where Redis has it, from the database into Redis and the near cache where not. These
 * reads are not counted as hits or misses. Progress: logged, and gauges
 * {@code ecolaura_cache_warming_products} (to warm), {@code _warmed}, {@code _seconds}, {@code _done}.
 * Then, with the cache on or off, the hot reads are rehearsed for the JIT ({@link Rehearsal}); the
 * instance is ready after both.
 */
@ApplicationScoped
public class CacheWarmer {

    private static final System.Logger LOG = System.getLogger(CacheWarmer.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    HotProducts hot;

    @Inject
    Rehearsal rehearsal;

    @Inject
    ProductCatalog catalog;

    @Inject
    SustainabilityScorer scorer;

    @Inject
    RedisGateway redis;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean cachingEnabled;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.enabled", defaultValue = "true")
    boolean warmingEnabled;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.gate-readiness", defaultValue = "true")
    boolean gatesReadiness;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.max-duration", defaultValue = "PT60S")
    Duration budget;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.threads", defaultValue = "4")
    int threads;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.catalog-products", defaultValue = "10000")
    int wholeCatalogUpTo;

    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger warmed = new AtomicInteger();
    private volatile double seconds;
    private volatile boolean done;
    private volatile boolean stopping;

    void start(@Observes Startup startup) {
        if (!started.compareAndSet(false, true)) {
            return; // Payara Micro has been seen to deliver Startup twice to one deployment
        }
        CacheMetrics.gauge(Gauge.WARMING_PRODUCTS, null, planned::get);
        CacheMetrics.gauge(Gauge.WARMING_WARMED, null, warmed::get);
        CacheMetrics.gauge(Gauge.WARMING_SECONDS, null, () -> seconds);
        CacheMetrics.gauge(Gauge.WARMING_DONE, null, () -> done ? 1 : 0);
        CacheMetrics.gauge(Gauge.WARMING_REHEARSED, null, rehearsal::reads);
        if (!warmingEnabled) {
            done = true;
            return;
        }
        executor.submit(() -> {
            if (cachingEnabled) {
                warm();
            }
            rehearse();
            done = true;
        });
    }

    public boolean done() {
        return done;
    }

    public int warmed() {
        return warmed.get();
    }

    public int planned() {
        return planned.get();
    }

    public boolean gatesReadiness() {
        return gatesReadiness;
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    void warm() {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        try {
            // without Redis there is nothing to warm into: asked once, so that both lists agree
            boolean reachable = redis.available();
            List<Long> hottest = reachable ? hot.hottest(hot.top()) : List.of();
            List<Long> products = plan(hottest, reachable ? catalog.ids(wholeCatalogUpTo) : List.of());
            planned.set(products.size());
            LOG.log(
                    Level.INFO,
                    "warming: {0} hot products and {1} more of the catalog to warm, at most {2}",
                    hottest.size(),
                    products.size() - hottest.size(),
                    budget);
            int threads = Math.max(1, this.threads);
            var next = new AtomicInteger();
            var workers = new ArrayList<CompletableFuture<?>>();
            for (int i = 0; i < threads; i++) {
                workers.add(CompletableFuture.runAsync(() -> warmFrom(products, next, started, deadline), executor));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "warming stopped: {0}", e.toString());
        } finally {
            seconds = (System.nanoTime() - started) / 1e9;
            LOG.log(
                    Level.INFO,
                    "warming: {0} of {1} products warmed in {2} s",
                    warmed.get(),
                    planned.get(),
                    String.format(java.util.Locale.ROOT, "%.1f", seconds));
        }
    }

    /**
     * The hot products, hottest first, then the rest of a catalog small enough to be warmed whole
     * (none of it when it is not): after Redis was emptied nothing is known to be hot, and every
     * shopper's first view of a product would be a miss.
     */
    static List<Long> plan(List<Long> hottest, List<Long> wholeCatalog) {
        var products = new LinkedHashSet<Long>(hottest);
        products.addAll(wholeCatalog);
        return List.copyOf(products);
    }

    private void rehearse() {
        long started = System.nanoTime();
        try {
            rehearsal.rehearse(executor, threads, () -> stopping);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rehearsal stopped: {0}", e.toString());
        }
        LOG.log(
                Level.INFO,
                "warming: {0} reads rehearsed in {1} s",
                rehearsal.reads(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    }

    private void warmFrom(List<Long> products, AtomicInteger next, long started, long deadline) {
        int tenth = Math.max(1, products.size() / 10);
        for (int i = next.getAndIncrement(); i < products.size(); i = next.getAndIncrement()) {
            if (stopping || System.nanoTime() > deadline || !redis.available()) {
                return;
            }
            long id = products.get(i);
            try {
                // one read each: a value computed here fills the near cache as it goes to Redis
                QuietReads.run(() -> scorer.score(id, catalog.find(id).version()));
            } catch (NotFoundException e) {
                // deleted since it was hot
            }
            int count = warmed.incrementAndGet();
            seconds = (System.nanoTime() - started) / 1e9;
            if (count % tenth == 0) {
                LOG.log(Level.INFO, "warming: {0} of {1} products warmed", count, products.size());
            }
        }
    }
}
