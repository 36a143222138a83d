package com.ecolaura.catalog.control;

import com.ecolaura.background.control.Repeating;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.catalog.entity.ProductsViewed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes note of product views on the request thread (a queue append, nothing more) and delivers
 * them as {@link ProductsViewed} every {@code ecolaura.views.delivery-interval} (100 ms) on a managed
 * scheduler: a page view waits for no counting, no learning and no Redis call. At most
 * {@value #MAX_WAITING} wait; beyond that views are dropped and counted.
 */
@ApplicationScoped
public class ProductViews {

    private static final System.Logger LOG = System.getLogger(ProductViews.class.getName());
    private static final int MAX_WAITING = 100_000;

    @Inject
    Repeating delivering;

    @Inject
    Event<ProductsViewed> viewed;

    @Inject
    @ConfigProperty(name = "ecolaura.views.delivery-interval", defaultValue = "PT0.1S")
    Duration interval;

    private final ConcurrentLinkedQueue<ProductViewed> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong counted = new AtomicLong();

    void start(@Observes Startup startup) {
        if (delivering.started()) {
            return;
        }
        CacheMetrics.gauge(Gauge.VIEWS_DROPPED, null, dropped::get);
        CacheMetrics.gauge(Gauge.VIEWS_COUNTED, null, counted::get);
        delivering.start(this::deliver, interval);
    }

    @PreDestroy
    void stop() {
        delivering.stop();
        deliver();
    }

    /** A shopper looked at a product (in the browsing session of the cookie, if any). */
    public void viewed(long productId, String sessionId) {
        if (size.incrementAndGet() > MAX_WAITING) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        waiting.add(new ProductViewed(productId, sessionId));
        counted.incrementAndGet();
    }

    void deliver() {
        var views = new ArrayList<ProductViewed>();
        for (var view = waiting.poll(); view != null; view = waiting.poll()) {
            size.decrementAndGet();
            views.add(view);
        }
        if (views.isEmpty()) {
            return;
        }
        try {
            viewed.fire(new ProductsViewed(views));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0} product views not taken into account: {1}", views.size(), e.toString());
        }
    }
}
