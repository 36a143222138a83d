package com.ecolaura;

import com.ecolaura.caching.boundary.ApiJson;
import com.ecolaura.database.control.ConfiguredDataSource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API under {@code /api}, and the shop's data source: a pool over
 * {@link ConfiguredDataSource}, which reads {@code ecolaura.db.*} (embedded H2 by default), unless
 * the operator names a server's JDBC resource ({@code ecolaura.db.jndi-name}, {@code ShopDatabase}).
 */
@ApplicationPath("api")
@DataSourceDefinition(
        name = "java:app/jdbc/ecolaura",
        className = "com.ecolaura.database.control.ConfiguredDataSource",
        minPoolSize = 4,
        maxPoolSize = 48,
        maxIdleTime = 300)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Ecolaura shop API",
                        version = "1",
                        description =
                                "Sustainable products, scores, search, trending, profiles and carts, served from Redis"
                                        + " caches. Errors are RFC 9457 problems (application/problem+json); GETs carry ETags and"
                                        + " Cache-Control; responses carry Server-Timing with their SQL statement count."),
        tags = {
            @Tag(name = "catalog", description = "Products and their sustainability scores"),
            @Tag(name = "search", description = "Text search with filters"),
            @Tag(name = "trending", description = "Most viewed products"),
            @Tag(name = "profiles", description = "Shopper profiles"),
            @Tag(name = "sessions", description = "Shopper sessions and carts, in Redis"),
            @Tag(name = "admin", description = "Cache administration (role cache-admin)")
        })
public class ShopApplication extends Application {

    /**
     * No generated WADL: OPTIONS would describe every resource and Jersey's internals to anyone
     * (/openapi documents the API). Neither Jersey's JSON-B
     * nor its Jackson provider (each stands aside when the JSON feature named is not its own): the
     * API's JSON is {@link ApiJson}'s.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.server.wadl.disableWadl", true,
                "jersey.config.disableJsonBinding", true,
                "jersey.config.jsonFeature", ApiJson.class.getSimpleName());
    }
}
