package com.ecolaura.background.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop's own scheduler for background work, {@code ecolaura.background.threads} (4) threads made
 * by the server's managed thread factory (so they see the application's CDI, JNDI and
 * transactions). Not the server's default managed scheduled executor: Payara configures that one
 * with a single thread, on which one slow flush held back every other repeated task.
 */
@ApplicationScoped
public class BackgroundThreads {

    private static final System.Logger LOG = System.getLogger(BackgroundThreads.class.getName());

    private static final long FINISH_SECONDS = 5;

    @Resource
    ManagedThreadFactory factory;

    @Inject
    @ConfigProperty(name = "ecolaura.background.threads", defaultValue = "4")
    int threads;

    private ScheduledThreadPoolExecutor scheduler;

    @PostConstruct
    void prepare() {
        var made = new AtomicInteger();
        scheduler = new ScheduledThreadPoolExecutor(Math.max(1, threads), work -> {
            Thread thread = factory.newThread(work);
            thread.setName("ecolaura-background-" + made.incrementAndGet());
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Runs the work once, after the delay; if it throws, the failure is logged and nothing else. */
    public void later(Runnable work, Duration delay) {
        scheduler.schedule(guarded(work, "background work failed"), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The work, with what it throws logged instead of passed on: an exception escaping to the
     * scheduler would be kept in a future nobody reads, and a repeated task would stop for good.
     */
    static Runnable guarded(Runnable work, String failure) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, failure, e);
            }
        };
    }

    /** Nothing new starts; a run under way (a flush in the middle of its transaction) may finish. */
    @PreDestroy
    void stop() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
