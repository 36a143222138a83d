package com.ecolaura.testing;

/**
 * Which half of the integration suite is running: failsafe runs it once on H2 and once on an
 * embedded PostgreSQL ({@code ecolaura.test.database}, h2 when unset). A test whose subject is not
 * the database (Redis, the edge, the JCache annotations) runs in one half only, named with
 * {@code @EnabledIf("com.ecolaura.testing.SuiteDatabase#postgresql")} (or {@code #h2}): the same
 * proof twice would cost minutes of the suite's budget and prove nothing more.
 */
public final class SuiteDatabase {

    private SuiteDatabase() {}

    public static String name() {
        return System.getProperty("ecolaura.test.database", "h2");
    }

    public static boolean postgresql() {
        return "postgresql".equals(name());
    }

    public static boolean h2() {
        return "h2".equals(name());
    }
}
