package com.ecolaura.trending.control;

import com.ecolaura.background.control.Repeating;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Work;
import com.ecolaura.catalog.entity.ProductsViewed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Counts product views and writes them to the database every {@code ecolaura.trending.flush-interval}. */
@ApplicationScoped
public class ViewRecorder {

    private static final System.Logger LOG = System.getLogger(ViewRecorder.class.getName());

    @Inject
    Repeating flushing;

    @Inject
    ViewCountWriter writer;

    @Inject
    @ConfigProperty(name = "ecolaura.trending.flush-interval", defaultValue = "PT5S")
    Duration interval;

    private final ViewCounts counts = new ViewCounts();

    void start(@Observes Startup startup) {
        flushing.start(this::flush, interval);
    }

    @PreDestroy
    void stop() {
        flushing.stop();
        flush();
    }

    void record(@Observes ProductsViewed viewed) {
        Instant now = Instant.now();
        viewed.views().forEach(view -> counts.record(view.productId(), now));
    }

    void flush() {
        var drained = counts.drain();
        if (drained.isEmpty()) {
            return;
        }
        try {
            writer.add(drained);
            CacheMetrics.work(Work.VIEW_FLUSHES);
        } catch (RuntimeException e) {
            counts.restore(drained);
            LOG.log(Level.WARNING, "view counts not written, kept for the next flush: {0}", e.toString());
        }
    }
}
