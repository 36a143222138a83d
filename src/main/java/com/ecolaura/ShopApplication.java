package com.ecolaura;

import com.ecolaura.database.control.ConfiguredDataSource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API under {@code /api}, and the shop's data source: a pool over
 * {@link ConfiguredDataSource}, which reads {@code ecolaura.db.*} (embedded H2 by default).
 */
@ApplicationPath("api")
@DataSourceDefinition(
        name = "java:app/jdbc/ecolaura",
        className = "com.ecolaura.database.control.ConfiguredDataSource",
        minPoolSize = 4,
        maxPoolSize = 48,
        maxIdleTime = 300)
public class ShopApplication extends Application {}
