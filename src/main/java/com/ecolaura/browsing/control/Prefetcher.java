package com.ecolaura.browsing.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.store.CacheStore;
import com.ecolaura.caching.store.QuietReads;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.entity.ProductsViewed;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches, after a shopper looked at a product, the products most likely to be looked at next
 * ({@link NextViews}): up to {@code ecolaura.prefetch.count} (2) whose share of what followed is at
 * least {@code ecolaura.prefetch.min-probability} (0.25), unless this instance's near cache holds them
 * already. A prefetch reads through the products cache once: from Redis into the near cache, or from
 * the database into Redis and the near cache. At most {@code ecolaura.prefetch.concurrency} (4) run at
 * once; beyond that a prediction is dropped, never queued. Counted: prefetches issued, used (the
 * product was then viewed here within {@code ecolaura.prefetch.horizon}, 5 min), wasted (not), dropped.
 */
@ApplicationScoped
public class Prefetcher {

    @Resource
    ManagedExecutorService executor;

    @Inject
    NextViews next;

    @Inject
    CacheStore store;

    @Inject
    ProductCatalog catalog;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean cachingEnabled;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.enabled", defaultValue = "true")
    boolean prefetching;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.count", defaultValue = "2")
    int count;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.min-probability", defaultValue = "0.25")
    double minProbability;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.concurrency", defaultValue = "4")
    int concurrency;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.horizon", defaultValue = "PT5M")
    Duration horizon;

    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong wasted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private Semaphore running;
    private Cache<Long, Boolean> pending;

    @PostConstruct
    void prepare() {
        running = new Semaphore(Math.max(1, concurrency));
        pending = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(horizon)
                .removalListener((Long id, Boolean value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        wasted.incrementAndGet();
                    }
                })
                .build();
    }

    void start(@Observes Startup startup) {
        CacheMetrics.gauge(Gauge.PREFETCH_ISSUED, null, issued::get);
        CacheMetrics.gauge(Gauge.PREFETCH_USED, null, used::get);
        CacheMetrics.gauge(Gauge.PREFETCH_WASTED, null, wasted::get);
        CacheMetrics.gauge(Gauge.PREFETCH_DROPPED, null, dropped::get);
    }

    /** Shoppers looked at products: the learning is {@link NextViews}'s, the prefetching is done here. */
    void viewed(@Observes ProductsViewed viewed) {
        for (var view : viewed.views()) {
            if (pending.asMap().remove(view.productId()) != null) {
                used.incrementAndGet();
            }
        }
        next.viewed(viewed.views());
        if (!cachingEnabled || !prefetching) {
            return;
        }
        for (var view : viewed.views()) {
            if (view.session().isEmpty()) {
                continue;
            }
            long productId = view.productId();
            next.after(productId).stream()
                    .filter(likely -> likely.probability() >= minProbability && likely.productId() != productId)
                    .limit(count)
                    .filter(likely -> !store.nearHolds(CacheNames.PRODUCTS, Long.toString(likely.productId())))
                    .forEach(likely -> prefetch(likely.productId()));
        }
    }

    /**
     * Noted as pending before it runs: a shopper quicker than the prefetch still counts it as used
     * (the prediction was right), and a product evicted since its last prefetch is fetched again.
     */
    private void prefetch(long productId) {
        if (!running.tryAcquire()) {
            dropped.incrementAndGet();
            return;
        }
        pending.put(productId, Boolean.TRUE);
        issued.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    QuietReads.run(() -> catalog.find(productId));
                } catch (NotFoundException e) {
                    pending.asMap().remove(productId); // deleted since the model learnt it
                } finally {
                    running.release();
                }
            });
        } catch (RejectedExecutionException e) {
            running.release();
            pending.asMap().remove(productId);
            issued.decrementAndGet();
            dropped.incrementAndGet();
        }
    }
}
