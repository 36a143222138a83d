package com.ecolaura.background.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
