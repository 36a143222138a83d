package com.ecolaura.caching.annotations;

import java.util.Arrays;

/** The JSR-107 rule for {@code cacheFor}/{@code noCacheFor} and {@code evictFor}/{@code noEvictFor}. */
final class ExceptionFilter {

    private ExceptionFilter() {}

    /** With both lists empty no exception counts: the operation then happens only on success. */
    static boolean includes(
            Throwable thrown, Class<? extends Throwable>[] included, Class<? extends Throwable>[] excluded) {
        if (included.length == 0 && excluded.length == 0) {
            return false;
        }
        boolean in = included.length == 0 || Arrays.stream(included).anyMatch(type -> type.isInstance(thrown));
        boolean out = Arrays.stream(excluded).anyMatch(type -> type.isInstance(thrown));
        return in && !out;
    }
}
