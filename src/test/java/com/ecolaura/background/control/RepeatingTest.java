package com.ecolaura.background.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.Poll;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RepeatingTest {

    private final ScheduledExecutorService threads = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutDown() {
        threads.shutdownNow();
    }

    @Test
    void aRunThatThrowsDoesNotEndTheRepetition() throws InterruptedException {
        var repeating = repeating();
        var runs = new AtomicInteger();
        var threeRuns = new CountDownLatch(3);
        repeating.start(
                () -> {
                    runs.incrementAndGet();
                    threeRuns.countDown();
                    throw new IllegalStateException("Redis down");
                },
                Duration.ofMillis(5));
        assertTrue(threeRuns.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " times");
    }

    @Test
    void aSecondStartSchedulesNothingMoreAndStopEndsTheRuns() throws InterruptedException {
        var repeating = repeating();
        var first = new AtomicInteger();
        var second = new AtomicInteger();
        var running = new CountDownLatch(2);
        repeating.start(
                () -> {
                    first.incrementAndGet();
                    running.countDown();
                },
                Duration.ofMillis(5));
        repeating.start(second::incrementAndGet, Duration.ofMillis(5));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        repeating.stop();
        assertFalse(repeating.started());
        int afterStop = first.get();
        // watched for 100 ms (twenty periods): a run after the stop fails the test as soon as it happens
        boolean ranAfterStop = Poll.until(
                Duration.ofMillis(100), Duration.ofMillis(5), () -> second.get() > 0 || first.get() > afterStop + 1);
        assertFalse(ranAfterStop, "a run under way may finish, no new one starts");
        assertEquals(0, second.get());
        assertTrue(first.get() <= afterStop + 1, "a run under way may finish, no new one starts");
    }

    @Test
    void aBlockedWorkHoldsBackNoOtherOnTheShopsBackgroundThreads() throws InterruptedException {
        var background = background(4);
        var blocked = new Repeating();
        blocked.use(background);
        var other = new Repeating();
        other.use(background);
        var release = new CountDownLatch(1);
        var otherRuns = new CountDownLatch(3);
        try {
            // a flush stuck in a deadlock's lock wait, say
            blocked.start(() -> awaitQuietly(release), Duration.ZERO, Duration.ofMillis(5));
            other.start(otherRuns::countDown, Duration.ofMillis(20), Duration.ofMillis(5));
            assertTrue(otherRuns.await(10, TimeUnit.SECONDS), "the other work ran while the first was blocked");
        } finally {
            release.countDown();
            blocked.stop();
            other.stop();
            background.stop();
        }
    }

    @Test
    void aOneShotWorkThatThrowsLeavesTheThreadForTheNext() throws InterruptedException {
        var background = background(1);
        var failed = new AtomicInteger();
        var next = new CountDownLatch(1);
        try {
            background.later(
                    () -> {
                        failed.incrementAndGet();
                        throw new IllegalStateException("Redis down");
                    },
                    Duration.ZERO);
            background.later(next::countDown, Duration.ofMillis(10));
            assertTrue(next.await(10, TimeUnit.SECONDS), "the next work ran on the one thread");
            assertEquals(1, failed.get());
        } finally {
            background.stop();
        }
    }

    /** The shop's scheduler, its threads made as Payara's managed thread factory would. */
    static BackgroundThreads background(int threads) {
        var background = new BackgroundThreads();
        background.threads = threads;
        background.factory = (ManagedThreadFactory) Proxy.newProxyInstance(
                RepeatingTest.class.getClassLoader(),
                new Class<?>[] {ManagedThreadFactory.class},
                (proxy, method, args) -> Executors.defaultThreadFactory().newThread((Runnable) args[0]));
        background.prepare();
        return background;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Repeating repeating() {
        var repeating = new Repeating();
        repeating.scheduler = threads;
        return repeating;
    }
}
