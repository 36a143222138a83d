package com.ecolaura.trending.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Product views counted in memory between two flushes, so that a product page costs no database
 * write; at most one flush interval of views is lost if the instance dies.
 */
public class ViewCounts {

    public record Key(long productId, Instant hourStart) {}

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

    public void record(long productId, Instant at) {
        pending.computeIfAbsent(new Key(productId, at.truncatedTo(ChronoUnit.HOURS)), k -> new LongAdder())
                .increment();
    }

    /** Takes the counts recorded so far; views recorded meanwhile stay for the next drain. */
    public Map<Key, Long> drain() {
        var drained = new HashMap<Key, Long>();
        for (var key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            if (adder != null) {
                drained.merge(key, adder.sum(), Long::sum);
            }
        }
        return drained;
    }

    /** Puts back counts whose flush failed. */
    public void restore(Map<Key, Long> counts) {
        counts.forEach((key, views) ->
                pending.computeIfAbsent(key, k -> new LongAdder()).add(views));
    }
}
