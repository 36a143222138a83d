package com.ecolaura.caching.annotations;

/** Marks a call made by a background refresh: its interceptor recomputes and writes, whatever is cached. */
final class RefreshContext {

    private static final ThreadLocal<Boolean> FORCED = new ThreadLocal<>();

    private RefreshContext() {}

    static void force() {
        FORCED.set(Boolean.TRUE);
    }

    /** True once for a forced call: nested cached calls inside it are ordinary again. */
    static boolean consume() {
        boolean forced = FORCED.get() != null;
        FORCED.remove();
        return forced;
    }
}
