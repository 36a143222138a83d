package com.ecolaura.catalog.boundary;

import com.ecolaura.caching.store.FreshDatabase;
import com.ecolaura.catalog.control.SampleCatalogWriter;
import com.ecolaura.catalog.entity.SampleCatalogWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database at start-up: reference tables and {@code ecolaura.catalog.sample-size}
 * products (10,000 by default; 0 for none), then tells the other components
 * ({@link SampleCatalogWritten}). A database that has a catalog is left as it is.
 */
@ApplicationScoped
public class SampleCatalogLoader {

    private static final System.Logger LOG = System.getLogger(SampleCatalogLoader.class.getName());
    private static final int CHUNK = 1_000;

    @Inject
    SampleCatalogWriter writer;

    @Inject
    FreshDatabase freshDatabase;

    @Inject
    Event<SampleCatalogWritten> written;

    @Inject
    @ConfigProperty(name = "ecolaura.catalog.sample-size", defaultValue = "10000")
    int size;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        writer.adoptListTables();
        if (!writer.catalogIsEmpty()) {
            LOG.log(Level.INFO, "catalog present; sample catalog not loaded");
            return;
        }
        // cached entries from an earlier database would contradict this new one
        freshDatabase.forgetCachedData();
        long started = System.nanoTime();
        writer.writeReferenceData();
        for (int from = 1; from <= size; from += CHUNK) {
            writer.writeProducts(from, Math.min(size + 1, from + CHUNK));
            if (from > 1 && (from - 1) % 100_000 == 0) {
                LOG.log(Level.INFO, "sample catalog: {0} of {1} products written", from - 1, size);
            }
        }
        written.fire(new SampleCatalogWritten(size));
        LOG.log(
                Level.INFO,
                "sample catalog: {0} products loaded in {1} ms",
                size,
                (System.nanoTime() - started) / 1_000_000);
    }
}
