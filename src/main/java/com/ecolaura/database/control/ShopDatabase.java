package com.ecolaura.database.control;

import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which database the shop uses: a JDBC resource the operator defined on the server and named in
 * {@code ecolaura.db.jndi-name} (a full Payara Server's pool, its driver in the domain's lib), else
 * the application's own pool {@value #APPLICATION_POOL} over {@code ecolaura.db.*}. The persistence
 * unit and the readiness check both ask here, so they never look at two different databases.
 */
public final class ShopDatabase {

    public static final String APPLICATION_POOL = "java:app/jdbc/ecolaura";

    private ShopDatabase() {}

    /** The JNDI name of the operator's resource, when one is configured. */
    public static Optional<String> serverResource() {
        return ConfigProvider.getConfig(ShopDatabase.class.getClassLoader())
                .getOptionalValue("ecolaura.db.jndi-name", String.class)
                .map(String::strip)
                .filter(name -> !name.isEmpty());
    }

    /** The operator's resource when one is named, else {@code applicationPool}. */
    public static DataSource choose(DataSource applicationPool) {
        return serverResource().map(ShopDatabase::lookup).orElse(applicationPool);
    }

    private static DataSource lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(
                    "ecolaura.db.jndi-name names " + name + ", which the server does not define (asadmin"
                            + " create-jdbc-resource, docs/operations.md)",
                    e);
        }
    }
}
