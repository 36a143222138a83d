package com.ecolaura.caching.store;

import java.util.function.Supplier;

/**
 * Cache reads that no shopper asked for (warming, prefetching): they fill the caches like any read,
 * but are not counted as hits or misses, so that the hit ratio stays the shoppers'.
 */
public final class QuietReads {

    private static final ThreadLocal<Boolean> QUIET = new ThreadLocal<>();

    private QuietReads() {}

    public static <T> T run(Supplier<T> read) {
        QUIET.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            QUIET.remove();
        }
    }

    public static boolean active() {
        return QUIET.get() != null;
    }
}
