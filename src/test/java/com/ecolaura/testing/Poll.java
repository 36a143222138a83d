package com.ecolaura.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The tests' one way to wait: for a condition, polled until a deadline ({@link #until}), or for a
 * span that is itself what a test runs (a fault held for 10 s, the pace of a load: {@link #pause}).
 */
public final class Poll {

    private Poll() {}

    /** Whether the condition held within the deadline, asked every {@code interval}. */
    public static boolean until(Duration deadline, Duration interval, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() >= end || !pause(interval)) {
                return false;
            }
        }
    }

    /** Waits the span; false if the thread was interrupted (its flag set again). */
    public static boolean pause(Duration span) {
        try {
            Thread.sleep(Math.max(0, span.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
