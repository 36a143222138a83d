package com.ecolaura.database.control;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * Hibernate on {@link ShopDatabase}'s database, on a schema {@link SchemaMigrations} brought up to
 * date first, with the settings that
 * come from configuration at run time rather than from persistence.xml: second-level and query
 * cache on or off ({@code ecolaura.cache.enabled}) and the TTLs of their Redis regions.
 */
public class ShopPersistenceProvider extends HibernatePersistenceProvider {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map properties) {
        DataSource database = ShopDatabase.choose(
                info.getJtaDataSource() != null ? info.getJtaDataSource() : info.getNonJtaDataSource());
        SchemaMigrations.migrate(database);
        Map<String, Object> merged = new HashMap<>(properties == null ? Map.of() : properties);
        merged.putAll(runtimeSettings());
        // Hibernate takes an integration's data source over the persistence unit's
        merged.put("jakarta.persistence.jtaDataSource", database);
        return super.createContainerEntityManagerFactory(info, merged);
    }

    /** The persistence unit boots before CDI can inject anything: MicroProfile Config's static API. */
    static Map<String, Object> runtimeSettings() {
        if (!settings()
                .getOptionalValue("ecolaura.cache.enabled", Boolean.class)
                .orElse(true)) {
            return Map.of(
                    "hibernate.cache.use_second_level_cache", "false",
                    "hibernate.cache.use_query_cache", "false",
                    "jakarta.persistence.sharedCache.mode", "NONE");
        }
        return Map.of(
                "hibernate.cache.redisson.entity.expiration.time_to_live",
                millis("ecolaura.cache.entities.ttl", Duration.ofHours(1)),
                "hibernate.cache.redisson.collection.expiration.time_to_live",
                millis("ecolaura.cache.entities.ttl", Duration.ofHours(1)),
                "hibernate.cache.redisson.query.expiration.time_to_live",
                millis("ecolaura.cache.queries.ttl", Duration.ofMinutes(10)));
    }

    private static String millis(String key, Duration fallback) {
        return Long.toString(settings()
                .getOptionalValue(key, Duration.class)
                .orElse(fallback)
                .toMillis());
    }

    private static Config settings() {
        return ConfigProvider.getConfig(ShopPersistenceProvider.class.getClassLoader());
    }
}
