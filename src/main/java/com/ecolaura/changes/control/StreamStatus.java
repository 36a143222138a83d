package com.ecolaura.changes.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Where this instance stands with the change stream, as its gauges and its health check show it. */
@ApplicationScoped
public class StreamStatus {

    @Inject
    ChangeApplier applier;

    private final AtomicLong gaps = new AtomicLong();
    private volatile boolean enabled;
    private volatile boolean following;
    private volatile double lagSeconds;
    private volatile Instant lastCommit;
    private volatile String state = "starting";

    void register() {
        CacheMetrics.gauge(Gauge.CHANGES_ENABLED, null, () -> enabled ? 1 : 0);
        CacheMetrics.gauge(Gauge.CHANGES_FOLLOWING, null, () -> following ? 1 : 0);
        CacheMetrics.gauge(Gauge.CHANGES_APPLIED, null, applier::applied);
        CacheMetrics.gauge(Gauge.CHANGES_OWN, null, applier::own);
        CacheMetrics.gauge(Gauge.CHANGES_UNMAPPED, null, applier::unmapped);
        CacheMetrics.gauge(Gauge.CHANGES_GAPS, null, gaps::get);
        CacheMetrics.gauge(Gauge.CHANGES_LAG, null, () -> lagSeconds);
        CacheMetrics.gauge(Gauge.CHANGES_LAST_EVENT, null, () -> lastCommit == null ? 0 : lastCommit.getEpochSecond());
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    void following(String slot) {
        following = true;
        state = "following slot " + slot;
    }

    void notFollowing(String why) {
        following = false;
        state = why;
    }

    boolean standingBy() {
        return state.startsWith("standby");
    }

    void gap() {
        gaps.incrementAndGet();
    }

    /** Transactions that committed from {@code oldest} to {@code newest} were applied now. */
    void applied(Instant oldest, Instant newest, boolean invalidated) {
        if (invalidated) {
            lagSeconds = Duration.between(oldest, Instant.now()).toNanos() / 1e9;
        }
        lastCommit = newest;
    }

    public boolean following() {
        return following;
    }

    public String state() {
        return state;
    }

    public double lagSeconds() {
        return lagSeconds;
    }

    public Instant lastCommit() {
        return lastCommit;
    }
}
