package com.ecolaura.warming.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.store.QuietReads;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.SustainabilityScorer;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.Settings;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Warms a starting instance from the hot products ({@link HotProducts}): in the background, on
 * {@code ecolaura.warming.threads} (4) threads, at most {@code ecolaura.warming.max-duration} (60 s),
 * each hot product and its score is read through the caching beans, hottest first — from Redis into
 * the near cache where Redis has it, from the database into Redis and the near cache where not. These
 * reads are not counted as hits or misses. Progress: logged, and gauges
 * {@code ecolaura_cache_warming_products} (to warm), {@code _warmed}, {@code _seconds}, {@code _done}.
 */
@ApplicationScoped
public class CacheWarmer {

    private static final System.Logger LOG = System.getLogger(CacheWarmer.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    HotProducts hot;

    @Inject
    ProductCatalog catalog;

    @Inject
    SustainabilityScorer scorer;

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
        CacheMetrics.gauge(
                "warming.products", "Hot products this instance set out to warm at start", null, planned::get);
        CacheMetrics.gauge("warming.warmed", "Hot products warmed so far", null, warmed::get);
        CacheMetrics.gauge("warming.seconds", "How long warming took (so far)", null, () -> seconds);
        CacheMetrics.gauge(
                "warming.done", "1 once warming has ended (finished, timed out or off)", null, () -> done ? 1 : 0);
        if (!Settings.cachingEnabled() || !Settings.flag("ecolaura.warming.enabled", true)) {
            done = true;
            return;
        }
        executor.submit(this::warm);
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

    public static boolean gatesReadiness() {
        return Settings.flag("ecolaura.warming.gate-readiness", true);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    void warm() {
        long started = System.nanoTime();
        Duration budget = Settings.duration("ecolaura.warming.max-duration", Duration.ofSeconds(60));
        long deadline = started + budget.toNanos();
        try {
            List<Long> products = RedisCircuit.isOpen() ? List.of() : hot.hottest(HotProducts.top());
            planned.set(products.size());
            LOG.log(Level.INFO, "warming: {0} hot products to warm, at most {1}", products.size(), budget);
            int threads = Math.max(1, Settings.number("ecolaura.warming.threads", 4));
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
            done = true;
            LOG.log(
                    Level.INFO,
                    "warming: {0} of {1} hot products warmed in {2} s",
                    warmed.get(),
                    planned.get(),
                    String.format(java.util.Locale.ROOT, "%.1f", seconds));
        }
    }

    private void warmFrom(List<Long> products, AtomicInteger next, long started, long deadline) {
        int tenth = Math.max(1, products.size() / 10);
        for (int i = next.getAndIncrement(); i < products.size(); i = next.getAndIncrement()) {
            if (stopping || System.nanoTime() > deadline || RedisCircuit.isOpen()) {
                return;
            }
            long id = products.get(i);
            try {
                QuietReads.run(() -> {
                    // a value just computed goes to Redis only; the second read copies it into the near cache
                    catalog.find(id);
                    return scorer.score(id, catalog.find(id).version());
                });
            } catch (NotFoundException e) {
                // deleted since it was hot
            }
            int count = warmed.incrementAndGet();
            seconds = (System.nanoTime() - started) / 1e9;
            if (count % tenth == 0) {
                LOG.log(Level.INFO, "warming: {0} of {1} hot products warmed", count, products.size());
            }
        }
    }
}
