package com.ecolaura.browsing.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.store.NearCache;
import com.ecolaura.caching.store.QuietReads;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.redis.control.Settings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
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

/**
 * Fetches, while a shopper looks at a product, the products most likely to be looked at next
 * ({@link NextViews}): up to {@code ecolaura.prefetch.count} (2) whose share of what followed is at
 * least {@code ecolaura.prefetch.min-probability} (0.25), unless this instance's near cache holds them
 * already. A prefetch reads through the products cache, so it fills the near cache from Redis, or
 * Redis and the near cache from the database. At most {@code ecolaura.prefetch.concurrency} (4) run at
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
    NearCache near;

    @Inject
    ProductCatalog catalog;

    private final boolean enabled = Settings.cachingEnabled() && Settings.flag("ecolaura.prefetch.enabled", true);
    private final int count = Settings.number("ecolaura.prefetch.count", 2);
    private final double minProbability = Settings.decimal("ecolaura.prefetch.min-probability", 0.25);
    private final Semaphore running = new Semaphore(Math.max(1, Settings.number("ecolaura.prefetch.concurrency", 4)));
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong wasted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Cache<Long, Boolean> pending = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Settings.duration("ecolaura.prefetch.horizon", Duration.ofMinutes(5)))
            .removalListener((Long id, Boolean value, RemovalCause cause) -> {
                if (cause.wasEvicted()) {
                    wasted.incrementAndGet();
                }
            })
            .build();

    void start(@Observes Startup startup) {
        gauge("issued", "Products prefetched because they were likely to be viewed next", issued);
        gauge("used", "Prefetched products then viewed on this instance within the horizon", used);
        gauge("wasted", "Prefetched products not viewed on this instance within the horizon", wasted);
        gauge("dropped", "Predictions not prefetched because enough prefetches were running", dropped);
    }

    private static void gauge(String name, String description, AtomicLong value) {
        CacheMetrics.gauge("prefetch." + name, description, null, value::get);
    }

    /** A shopper looks at a product: the learning is {@link NextViews}'s, the prefetching is done here. */
    void viewed(@Observes ProductViewed view) {
        long productId = view.productId();
        if (pending.asMap().remove(productId) != null) {
            used.incrementAndGet();
        }
        if (view.session().isEmpty()) {
            return;
        }
        next.viewed(view.session().get(), productId);
        if (!enabled) {
            return;
        }
        next.after(productId).stream()
                .filter(likely -> likely.probability() >= minProbability && likely.productId() != productId)
                .limit(count)
                .filter(likely -> !near.holds(CacheNames.PRODUCTS, Long.toString(likely.productId())))
                .forEach(likely -> prefetch(likely.productId()));
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
                    // a value just computed goes to Redis only; the second read copies it into the near cache
                    QuietReads.run(() -> catalog.find(productId));
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
