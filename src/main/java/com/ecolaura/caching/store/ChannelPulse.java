package com.ecolaura.caching.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How current this instance is with the near caches' invalidation channel. Every so often, while
 * near reads are being tried (and for a minute after the last), the instance publishes a pulse on the channel carrying the time it was
 * sent ({@link NearCacheChannel}); when it comes back, every invalidation published before it has
 * been applied, since Redis delivers one channel's messages to a subscriber in order. So a near entry
 * is served only while a pulse sent at most {@code ecolaura.cache.near.max-lag} ago has come back:
 * that bounds how late an invalidation can be applied and still be overtaken by a read, whatever held
 * the message up (a paused or starved JVM, a slow or half-open subscription).
 */
@ApplicationScoped
public class ChannelPulse {

    @Inject
    @ConfigProperty(name = "ecolaura.cache.near.max-lag", defaultValue = "PT0.04S")
    Duration maxLag;

    private long maxLagNanos;

    /** {@link System#nanoTime} at which the latest pulse that came back was sent. */
    private volatile long heardUpTo = System.nanoTime() - Duration.ofDays(1).toNanos();

    /** When a near read was last tried (to the second): an instance idle for a minute sends none. */
    private volatile long readAt = System.nanoTime() - IDLE_AFTER;

    @PostConstruct
    void readSettings() {
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("ecolaura.cache.near.max-lag must be positive, not " + maxLag);
        }
        maxLagNanos = maxLag.toNanos();
    }

    /** Whether the channel has delivered all that was published up to {@code max-lag} ago. */
    boolean current() {
        long now = System.nanoTime();
        if (now - readAt > ONE_SECOND) {
            readAt = now;
        }
        return now - heardUpTo <= maxLagNanos;
    }

    /** How often to pulse: often enough for a live channel to stay current. */
    Duration interval() {
        return maxLag.dividedBy(4).compareTo(ONE_MILLISECOND) < 0 ? ONE_MILLISECOND : maxLag.dividedBy(4);
    }

    /** The pulse to send now; null if none is needed (no near read was tried for a minute). */
    String next(String origin, boolean needed) {
        if (!needed && System.nanoTime() - readAt > IDLE_AFTER) {
            return null;
        }
        return origin + NearCache.SEPARATOR + PULSE + NearCache.SEPARATOR + System.nanoTime();
    }

    /** Whether a message names no cache but is a pulse (of any instance). */
    static boolean isPulse(String[] parts) {
        return parts.length == 3 && PULSE.equals(parts[1]);
    }

    /** One of this instance's pulses came back: notes it, and answers when it was sent. */
    long heard(String[] parts) {
        long sent = Long.parseLong(parts[2]);
        if (sent - heardUpTo > 0) {
            heardUpTo = sent;
        }
        return sent;
    }

    /** How far behind the channel may be now, in seconds: the age of the latest pulse back. */
    double lagSeconds() {
        return (System.nanoTime() - heardUpTo) / 1e9;
    }

    private static final String PULSE = "#pulse";
    private static final long ONE_SECOND = 1_000_000_000L;
    private static final Duration ONE_MILLISECOND = Duration.ofMillis(1);
    private static final long IDLE_AFTER = 60 * ONE_SECOND;
}
