package com.ecolaura.changes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGProperty;

/**
 * Where the change stream comes from: {@code ecolaura.cdc.url}, {@code .user}, {@code .password}
 * (by default the shop's own {@code ecolaura.db.*}: a server's JDBC resource does not tell its
 * password), {@code ecolaura.cdc.slot} (by default {@code ecolaura_<database>}),
 * {@code ecolaura.cdc.publication} ({@code ecolaura_cache}), {@code ecolaura.cdc.retry-interval}.
 */
@ApplicationScoped
public class StreamSettings {

    @Inject
    @ConfigProperty(name = "ecolaura.cdc.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean caching;

    @Inject
    @ConfigProperty(name = "ecolaura.cdc.url", defaultValue = " ")
    String url;

    @Inject
    @ConfigProperty(name = "ecolaura.db.url", defaultValue = " ")
    String shopUrl;

    @Inject
    @ConfigProperty(name = "ecolaura.cdc.user", defaultValue = " ")
    String user;

    @Inject
    @ConfigProperty(name = "ecolaura.db.user", defaultValue = " ")
    String shopUser;

    @Inject
    @ConfigProperty(name = "ecolaura.cdc.password", defaultValue = " ")
    String password;

    @Inject
    @ConfigProperty(name = "ecolaura.db.password", defaultValue = " ")
    String shopPassword;

    @Inject
    @ConfigProperty(name = "ecolaura.cdc.slot", defaultValue = " ")
    String slot;

    @Inject
    @ConfigProperty(name = "ecolaura.cdc.publication", defaultValue = "ecolaura_cache")
    String publication;

    @Inject
    @ConfigProperty(name = "ecolaura.cdc.retry-interval", defaultValue = "PT2S")
    Duration retryInterval;

    /** Why the stream cannot be followed with this configuration alone, or null. */
    String offReason() {
        if (!enabled) {
            return "ecolaura.cdc.enabled is false";
        }
        if (!caching) {
            return "caching is off (ecolaura.cache.enabled=false): nothing to invalidate";
        }
        if (!url().startsWith("jdbc:postgresql:")) {
            return "the database is not PostgreSQL (" + (url().isEmpty() ? "embedded H2" : url().split(":")[1])
                    + "); set ecolaura.cdc.url when the shop uses a server's JDBC resource";
        }
        return null;
    }

    String url() {
        return url.isBlank() ? shopUrl.strip() : url.strip();
    }

    /** A plain connection, or one in replication mode (it speaks the walsender protocol). */
    Connection connect(boolean replication) throws SQLException {
        var properties = new Properties();
        PGProperty.USER.set(properties, user.isBlank() ? shopUser.strip() : user.strip());
        PGProperty.PASSWORD.set(properties, password.isBlank() ? shopPassword.strip() : password.strip());
        PGProperty.APPLICATION_NAME.set(properties, replication ? "ecolaura-changes" : "ecolaura-changes-setup");
        PGProperty.CONNECT_TIMEOUT.set(properties, 5);
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        if (replication) {
            PGProperty.REPLICATION.set(properties, "database");
            PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
            PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        }
        // the WAR's own driver, whatever DriverManager knows in this class loader
        var connection = new org.postgresql.Driver().connect(url(), properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + url());
        }
        return connection;
    }

    /** The configured slot, or one per database: slots are per server, databases share it. */
    String slot(Connection connection) throws SQLException {
        if (!slot.isBlank()) {
            return slot.strip();
        }
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select current_database()")) {
            rows.next();
            return "ecolaura_" + rows.getString(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        }
    }

    String publication() {
        return publication.strip();
    }

    Duration retryInterval() {
        return retryInterval;
    }
}
