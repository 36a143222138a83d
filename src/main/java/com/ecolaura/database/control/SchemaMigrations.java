package com.ecolaura.database.control;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema, versioned: Flyway applies {@code db/migration/<h2|postgresql>/V*__*.sql} before the
 * persistence unit starts (Hibernate then only validates it). A database made before, by Hibernate's
 * {@code hbm2ddl=update}, has tables but no migration history: it is adopted as version 1 (the
 * schema {@code update} made) and the later versions apply on top, without touching its rows.
 * Instances starting together take turns: Flyway locks its history table.
 */
public final class SchemaMigrations {

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {}

    /** Brings the schema to the newest version; returns that version. */
    public static String migrate(DataSource dataSource) {
        var result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema made by hbm2ddl=update, adopted")
                .load()
                .migrate();
        LOG.log(
                Level.INFO,
                "schema at version {0} ({1} migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    static String vendor(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("no schema migrations for " + product + " (H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate its schema", e);
        }
    }
}
