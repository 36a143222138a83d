package com.ecolaura.caching.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Hibernate's statistics as application metrics: SQL statements, and the second-level and query
 * caches' hits, misses and puts. Registered at start-up so that they are there before the first
 * request.
 */
@ApplicationScoped
public class HibernateCacheMetrics {

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        gauge(
                "ecolaura.hibernate.statements",
                "JDBC statements prepared",
                statistics,
                Statistics::getPrepareStatementCount);
        gauge(
                "ecolaura.hibernate.entity.loads",
                "Entities loaded from the database",
                statistics,
                Statistics::getEntityLoadCount);
        gauge(
                "ecolaura.hibernate.second.level.cache.hits",
                "Second-level cache hits",
                statistics,
                Statistics::getSecondLevelCacheHitCount);
        gauge(
                "ecolaura.hibernate.second.level.cache.misses",
                "Second-level cache misses",
                statistics,
                Statistics::getSecondLevelCacheMissCount);
        gauge(
                "ecolaura.hibernate.second.level.cache.puts",
                "Second-level cache puts",
                statistics,
                Statistics::getSecondLevelCachePutCount);
        gauge("ecolaura.hibernate.query.cache.hits", "Query cache hits", statistics, Statistics::getQueryCacheHitCount);
        gauge(
                "ecolaura.hibernate.query.cache.misses",
                "Query cache misses",
                statistics,
                Statistics::getQueryCacheMissCount);
        gauge("ecolaura.hibernate.query.cache.puts", "Query cache puts", statistics, Statistics::getQueryCachePutCount);
        gauge(
                "ecolaura.hibernate.query.executions",
                "Queries run on the database",
                statistics,
                Statistics::getQueryExecutionCount);
    }

    private void gauge(String name, String description, Statistics statistics, ToLongFunction<Statistics> value) {
        var metadata =
                Metadata.builder().withName(name).withDescription(description).build();
        registry.gauge(metadata, statistics, s -> value.applyAsLong(s));
    }
}
