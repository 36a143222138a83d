package com.ecolaura.warming.control;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.store.QuietReads;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.SustainabilityScorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rehearses a shopper's hottest reads before the first shopper comes: for
 * {@code ecolaura.warming.rehearsal} (15 s; {@code PT0S}: none), on the warming threads, products
 * drawn at random from the whole catalog ({@code ecolaura.warming.rehearsal-products}, 500) are read
 * with their scores and rendered as the API sends them, through the same beans a request calls: a
 * miss (or a Redis hit) for each, then hits, many times over. HotSpot compiles what runs often; a fresh JVM
 * serving its first shoppers interpreted was slower with the cache than without it (a miss runs more
 * code than the query it saves). The reads are quiet (not counted as hits or misses) and leave the
 * sampled products cached, as any read would; drawn uniformly, they are not the hot ones.
 */
@ApplicationScoped
public class Rehearsal {

    @Inject
    ProductCatalog catalog;

    @Inject
    SustainabilityScorer scorer;

    @Inject
    HttpCaching http;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.rehearsal", defaultValue = "PT15S")
    Duration length;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.rehearsal-products", defaultValue = "500")
    int sampleSize;

    private final AtomicLong reads = new AtomicLong();

    public long reads() {
        return reads.get();
    }

    /** Rehearses on tasks of the executor until the time is up or {@code stop} says so. */
    void rehearse(Executor executor, int threads, BooleanSupplier stop) {
        if (length.isZero() || length.isNegative() || sampleSize <= 0) {
            return;
        }
        var range = catalog.idRange();
        if (range.isEmpty()) {
            return;
        }
        long[] sample = ThreadLocalRandom.current()
                .longs(sampleSize, range.get()[0], range.get()[1] + 1)
                .toArray();
        long deadline = System.nanoTime() + length.toNanos();
        var workers = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < Math.max(1, threads); i++) {
            workers.add(CompletableFuture.runAsync(() -> readUntil(sample, deadline, stop), executor));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
    }

    private void readUntil(long[] sample, long deadline, BooleanSupplier stop) {
        var random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
            long id = sample[random.nextInt(sample.length)];
            try {
                QuietReads.run(() -> {
                    var product = catalog.find(id);
                    http.render(product);
                    return http.render(scorer.score(id, product.version()));
                });
            } catch (NotFoundException e) {
                // a gap in the ids: the not-found path is a path too
            }
            reads.incrementAndGet();
        }
    }
}
