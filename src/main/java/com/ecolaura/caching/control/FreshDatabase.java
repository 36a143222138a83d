package com.ecolaura.caching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Redis outlives the database behind it (a new in-memory H2, a restored PostgreSQL): when the
 * application finds a new, empty database, whatever Redis holds describes another one.
 */
@ApplicationScoped
public class FreshDatabase {

    private static final System.Logger LOG = System.getLogger(FreshDatabase.class.getName());
    private static final List<String> APPLICATION_CACHES = List.of(
            CacheNames.PRODUCTS,
            CacheNames.SUSTAINABILITY_SCORES,
            CacheNames.PROFILES,
            CacheNames.SEARCH_RESULTS,
            CacheNames.TRENDING);

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    CacheAccess caches;

    public void forgetCachedData() {
        emf.unwrap(org.hibernate.Cache.class).evictAllRegions();
        APPLICATION_CACHES.forEach(caches::clear);
        LOG.log(Level.INFO, "new database: cleared the second-level cache regions and the application caches");
    }
}
