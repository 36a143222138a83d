package com.ecolaura.background.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PendingCountsTest {

    @Test
    void noCountIsLostWhileAnotherThreadDrains() throws InterruptedException {
        var counts = new PendingCounts<Integer>(1_000);
        int counters = 3;
        int perCounter = 300_000;
        var drainedTotal = new AtomicLong();
        var counting = new AtomicBoolean(true);
        var done = new CountDownLatch(counters);
        var pool = Executors.newFixedThreadPool(counters + 1);
        try {
            pool.submit(() -> {
                while (counting.get()) {
                    counts.drain().values().forEach(drainedTotal::addAndGet);
                }
            });
            for (int c = 0; c < counters; c++) {
                pool.submit(() -> {
                    // few keys, so that a drain keeps taking keys the counters are adding to
                    for (int i = 0; i < perCounter; i++) {
                        counts.increment(i % 4);
                    }
                    done.countDown();
                });
            }
            assertTrue(done.await(60, TimeUnit.SECONDS));
        } finally {
            counting.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        counts.drain().values().forEach(drainedTotal::addAndGet);
        assertEquals((long) counters * perCounter, drainedTotal.get());
    }

    @Test
    void aNewKeyPastTheCapIsNotCountedAKnownOneStillIs() {
        var counts = new PendingCounts<String>(2);
        assertTrue(counts.increment("a"));
        assertTrue(counts.increment("b"));
        assertFalse(counts.increment("c"));
        assertTrue(counts.increment("a"));
        assertEquals(Map.of("a", 2L, "b", 1L), counts.drain());
        assertTrue(counts.isEmpty());
        assertTrue(counts.increment("c"), "a drain makes room");
    }

    @Test
    void restoredCountsAddToThoseCountedSinceTheDrain() {
        var counts = new PendingCounts<String>(1);
        counts.increment("a");
        var drained = counts.drain();
        counts.increment("b");
        counts.increment("b");
        counts.restore(drained);
        assertEquals(Map.of("a", 1L, "b", 2L), counts.drain(), "restored past the cap: they were counted once already");
    }
}
