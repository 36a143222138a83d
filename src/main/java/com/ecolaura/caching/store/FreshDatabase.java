package com.ecolaura.caching.store;

import com.ecolaura.caching.policy.CacheNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.lang.System.Logger.Level;

/**
 * Redis outlives the database behind it (a new in-memory H2, a restored PostgreSQL): when the
 * application finds a new, empty database, whatever Redis holds describes another one.
 */
@ApplicationScoped
public class FreshDatabase {

    private static final System.Logger LOG = System.getLogger(FreshDatabase.class.getName());

    @PersistenceUnit
    EntityManagerFactory emf;

    /** Fired once the caches are cleared: what else was learnt of the old data (popularity, browsing) goes too. */
    public record Forgotten() {}

    @Inject
    CacheUpdates caches;

    @Inject
    Event<Forgotten> forgotten;

    public void forgetCachedData() {
        emf.unwrap(org.hibernate.Cache.class).evictAllRegions();
        CacheNames.ALL.forEach(caches::clear);
        forgotten.fire(new Forgotten());
        LOG.log(Level.INFO, "new database: cleared the second-level cache regions and the application caches");
    }
}
