package com.ecolaura.database.control;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread while a request is being
 * served, so that a response can say what it cost the database (background work is not counted),
 * as {@code Server-Timing: app;dur=1.8, sql;desc="0 statements"}.
 */
public class RequestStatements implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    public static void begin() {
        COUNT.set(new int[1]);
    }

    /** The statements since {@link #begin()}, ending the count; -1 if none was begun. */
    public static int end() {
        int[] count = COUNT.get();
        COUNT.remove();
        return count == null ? -1 : count[0];
    }

    /** The Server-Timing header of a request begun at {@code startedNanos}, ending its count; null if none was begun. */
    public static String serverTiming(long startedNanos) {
        int statements = end();
        if (statements < 0) {
            return null;
        }
        // tenths of a millisecond, written by hand: String.format cost a twentieth of a cache hit
        long tenths = (System.nanoTime() - startedNanos + 50_000) / 100_000;
        return "app;dur=" + tenths / 10 + "." + tenths % 10 + ", sql;desc=\"" + statements + " statements\"";
    }

    @Override
    public String inspect(String sql) {
        int[] count = COUNT.get();
        if (count != null) {
            count[0]++;
        }
        return sql;
    }
}
