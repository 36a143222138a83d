package com.ecolaura.database.control;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread while a request is being
 * served, so that a response can say what it cost the database (background work is not counted).
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

    @Override
    public String inspect(String sql) {
        int[] count = COUNT.get();
        if (count != null) {
            count[0]++;
        }
        return sql;
    }
}
