package com.ecolaura.trending.control;

import com.ecolaura.background.control.PendingCounts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Product views counted in memory between two flushes, per product and hour, so that a product
 * page costs no database write; at most one flush interval of views is lost if the instance dies.
 */
public class ViewCounts {

    public record Key(long productId, Instant hourStart) {}

    // every view is written to the database: no cap (the keys are products × hours of one interval)
    private final PendingCounts<Key> pending = new PendingCounts<>(Integer.MAX_VALUE);

    public void record(long productId, Instant at) {
        pending.increment(new Key(productId, at.truncatedTo(ChronoUnit.HOURS)));
    }

    /** Takes the counts recorded so far; views recorded meanwhile stay for the next drain. */
    public Map<Key, Long> drain() {
        return pending.drain();
    }

    /** Puts back counts whose flush failed. */
    public void restore(Map<Key, Long> counts) {
        pending.restore(counts);
    }
}
