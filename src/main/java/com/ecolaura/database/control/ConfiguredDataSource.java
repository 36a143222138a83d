package com.ecolaura.database.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The physical connections behind the container's pool ({@code java:app/jdbc/ecolaura}):
 * {@code ecolaura.db.url}, {@code ecolaura.db.user}, {@code ecolaura.db.password}, defaulting to an
 * embedded in-memory H2. Payara pools the connections and enlists them in JTA transactions.
 */
public class ConfiguredDataSource implements DataSource {

    static final String DEFAULT_URL = "jdbc:h2:mem:ecolaura;DB_CLOSE_DELAY=-1";

    private final String url = setting("ecolaura.db.url").orElse(DEFAULT_URL);
    private final Driver driver = driverFor(url);
    private int loginTimeoutSeconds;

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(
                setting("ecolaura.db.user").orElse(url.startsWith("jdbc:h2:") ? "sa" : ""),
                setting("ecolaura.db.password").orElse(""));
    }

    /** Payara's pool makes this class, not CDI: configuration through MicroProfile Config's static API. */
    private static Optional<String> setting(String key) {
        return ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                .getOptionalValue(key, String.class)
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("no JDBC driver accepts " + url);
        }
        return connection;
    }

    static Driver driverFor(String url) {
        String driverClass = url.startsWith("jdbc:postgresql:")
                ? "org.postgresql.Driver"
                : url.startsWith("jdbc:h2:") ? "org.h2.Driver" : null;
        if (driverClass == null) {
            throw new IllegalArgumentException("ecolaura.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        try {
            return (Driver) Class.forName(driverClass, true, ConfiguredDataSource.class.getClassLoader())
                    .getConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JDBC driver " + driverClass + " is not available", e);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections log through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
