package com.ecolaura.background.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Work a bean repeats in the background, a fixed delay apart, on the {@link BackgroundThreads};
 * inject one per kind of work. Two runs of one work never overlap; runs of different works may. A run that throws is logged and the next run still comes (a bare
 * {@code scheduleWithFixedDelay} stops for good after one exception). The work stops when its
 * owner is destroyed, or when the owner asks.
 */
@Dependent
public class Repeating {

    ScheduledExecutorService scheduler;

    @Inject
    void use(BackgroundThreads threads) {
        scheduler = threads.scheduler();
    }

    private ScheduledFuture<?> runs;

    /** Runs the work every {@code delay}, the first time after one delay; once started, a second start does nothing. */
    public void start(Runnable work, Duration delay) {
        start(work, delay, delay);
    }

    public synchronized void start(Runnable work, Duration firstDelay, Duration delay) {
        if (runs == null) {
            runs = scheduler.scheduleWithFixedDelay(
                    BackgroundThreads.guarded(work, "background work failed; it runs again after its delay"),
                    firstDelay.toMillis(),
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    public synchronized boolean started() {
        return runs != null;
    }

    /** No run starts after this; one under way finishes. */
    @PreDestroy
    public synchronized void stop() {
        if (runs != null) {
            runs.cancel(false);
            runs = null;
        }
    }
}
