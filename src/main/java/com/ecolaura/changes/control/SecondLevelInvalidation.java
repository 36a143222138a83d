package com.ecolaura.changes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.Consumer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Invalidates the second-level and query cache for a row or table changed outside the shop the way
 * Hibernate does for its own writes, not by a bare eviction: a reader that loaded the old row before
 * the commit and puts it into the cache after the eviction would otherwise keep it there for the
 * region's TTL. A changed row's entry is locked and unlocked (a soft lock that refuses such late
 * puts), and a changed table's update timestamp is moved (a query result computed before it is no
 * longer served).
 */
@ApplicationScoped
public class SecondLevelInvalidation {

    @PersistenceUnit
    EntityManagerFactory emf;

    /**
     * {@code lastStale}: loads of this version or an earlier one are refused while the lock lasts;
     * null (deleted, or not known): loads that began before the change are.
     */
    public void row(Class<?> entity, Object id, Long lastStale) {
        var factory = factory();
        var persister = factory.getMappingMetamodel().getEntityDescriptor(entity);
        var access = persister.getCacheAccessStrategy();
        if (access != null) {
            inSession(session -> {
                Object key = access.generateCacheKey(id, persister, factory, null);
                access.unlockItem(session, key, access.lockItem(session, key, lastStale));
            });
        }
        table(persister.getQuerySpaces());
    }

    /** Every entry of the entity, and the query results over its tables. */
    public void entity(Class<?> entity) {
        var persister = factory().getMappingMetamodel().getEntityDescriptor(entity);
        factory().getCache().evictEntityData(entity);
        table(persister.getQuerySpaces());
    }

    public void everything() {
        factory().getCache().evictAllRegions();
    }

    private void table(Serializable[] spaces) {
        var tables = Arrays.stream(spaces).map(String::valueOf).toArray(String[]::new);
        var timestamps = factory().getCache().getTimestampsCache();
        inSession(session -> timestamps.invalidate(tables, session));
    }

    private void inSession(Consumer<SharedSessionContractImplementor> work) {
        try (var session = factory().openSession()) {
            work.accept(session.unwrap(SharedSessionContractImplementor.class));
        }
    }

    private SessionFactoryImplementor factory() {
        return emf.unwrap(SessionFactoryImplementor.class);
    }
}
