package com.ecolaura.redis.control;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.redisson.client.RedisBusyException;
import org.redisson.client.RedisClusterDownException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisLoadingException;
import org.redisson.client.RedisMasterDownException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.RedisTryAgainException;

/**
 * The circuit breaker in front of every Redis call. After {@code ecolaura.redis.circuit.failures}
 * calls in a row found Redis unreachable (3; a timeout, a refused or lost connection, a busy or
 * loading server), it opens: no call is tried, reads are misses and writes are skipped at once,
 * instead of each waiting for its timeout. {@link CircuitRecovery} then probes Redis, and closes
 * the circuit only after it has replayed what the outage may have left stale. An error Redis
 * answers with (out of memory, no permission) does not open it: Redis is there, and reads work.
 */
public final class RedisCircuit {

    private static final System.Logger LOG = System.getLogger(RedisCircuit.class.getName());

    private static final List<Runnable> ON_OPEN = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_IN_A_ROW = new AtomicInteger();
    private static final AtomicLong OPENINGS = new AtomicLong();
    private static volatile boolean open;
    private static volatile long openedAt;

    private RedisCircuit() {}

    /** Whether Redis may be called now. */
    public static boolean isClosed() {
        return !open;
    }

    public static boolean isOpen() {
        return open;
    }

    /** Runs when the circuit opens (what trusts Redis to deliver messages must stop trusting it). */
    public static void onOpen(Runnable action) {
        ON_OPEN.add(action);
    }

    public static void succeeded() {
        if (FAILURES_IN_A_ROW.get() != 0) {
            FAILURES_IN_A_ROW.set(0);
        }
    }

    static void failed(Throwable failure) {
        if (!isOutage(failure)) {
            return;
        }
        if (FAILURES_IN_A_ROW.incrementAndGet() >= threshold() && !open) {
            synchronized (RedisCircuit.class) {
                if (open) {
                    return;
                }
                open = true;
                openedAt = System.nanoTime();
                OPENINGS.incrementAndGet();
            }
            LOG.log(
                    Level.WARNING,
                    "Redis circuit open after {0} failed calls in a row ({1}): the shop serves from the database",
                    FAILURES_IN_A_ROW.get(),
                    failure.toString());
            ON_OPEN.forEach(Runnable::run);
        }
    }

    /** Closes the circuit once Redis answers again and the outage's missed evictions are replayed. */
    static void close() {
        FAILURES_IN_A_ROW.set(0);
        if (open) {
            open = false;
            LOG.log(
                    Level.INFO,
                    "Redis circuit closed after {0}: caching again",
                    Duration.ofNanos(System.nanoTime() - openedAt));
        }
    }

    public static long openings() {
        return OPENINGS.get();
    }

    /** Redis did not answer (as opposed to answering with an error). */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisTimeoutException
                    || cause instanceof RedisResponseTimeoutException
                    || cause instanceof RedisConnectionException
                    || cause instanceof RedisNodeNotFoundException
                    || cause instanceof RedisRetryException
                    || cause instanceof RedisLoadingException
                    || cause instanceof RedisBusyException
                    || cause instanceof RedisMasterDownException
                    || cause instanceof RedisClusterDownException
                    || cause instanceof RedisTryAgainException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Read once, where no injection reaches (every gateway call may count against it). */
    private static int threshold() {
        int value = threshold;
        if (value == 0) {
            value = ConfigProvider.getConfig(RedisCircuit.class.getClassLoader())
                    .getOptionalValue("ecolaura.redis.circuit.failures", Integer.class)
                    .orElse(3);
            threshold = Math.max(1, value);
        }
        return threshold;
    }

    private static volatile int threshold;
}
