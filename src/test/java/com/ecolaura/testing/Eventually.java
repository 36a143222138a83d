package com.ecolaura.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Asserts that a condition comes to hold before a deadline, polled ({@link Poll}) rather than slept for. */
public final class Eventually {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Eventually() {}

    public static void holds(String what, Duration deadline, BooleanSupplier condition) {
        if (!Poll.until(deadline, INTERVAL, condition)) {
            throw new AssertionError("not within " + deadline + ": " + what);
        }
    }
}
