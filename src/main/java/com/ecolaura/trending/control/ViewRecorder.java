package com.ecolaura.trending.control;

import com.ecolaura.redis.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/** Records product views and writes them to the database every {@code ecolaura.trending.flush-interval}. */
@ApplicationScoped
public class ViewRecorder {

    private static final System.Logger LOG = System.getLogger(ViewRecorder.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ViewCountWriter writer;

    @Inject
    @Metric(
            name = "ecolaura.trending.view.flushes",
            absolute = true,
            description = "Batches of product view counts written to the database")
    Counter flushes;

    /** Created at start, so that its metrics are exported (as 0) before the first request. */
    void exportMetricsAtStart(@Observes Startup startup) {
        // creating the bean registers its @Metric counters
    }

    private final ViewCounts counts = new ViewCounts();
    private ScheduledFuture<?> flushing;

    @PostConstruct
    void startFlushing() {
        long interval = Settings.duration("ecolaura.trending.flush-interval", Duration.ofSeconds(5))
                .toMillis();
        flushing = scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopFlushing() {
        flushing.cancel(false);
        flush();
    }

    public void record(long productId) {
        counts.record(productId, Instant.now());
    }

    void flush() {
        var drained = counts.drain();
        if (drained.isEmpty()) {
            return;
        }
        try {
            writer.add(drained);
            flushes.inc();
        } catch (RuntimeException e) {
            counts.restore(drained);
            LOG.log(Level.WARNING, "view counts not written, kept for the next flush: {0}", e.toString());
        }
    }
}
