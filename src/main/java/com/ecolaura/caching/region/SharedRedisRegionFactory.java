package com.ecolaura.caching.region;

import com.ecolaura.caching.codec.CacheValueCodec;
import com.ecolaura.redis.control.SharedRedis;
import java.time.Duration;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cache.cfg.spi.DomainDataRegionBuildingContext;
import org.hibernate.cache.cfg.spi.DomainDataRegionConfig;
import org.hibernate.cache.spi.support.DomainDataStorageAccess;
import org.hibernate.cache.spi.support.RegionNameQualifier;
import org.hibernate.cache.spi.support.StorageAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.redisson.api.RMapCache;
import org.redisson.api.RedissonClient;
import org.redisson.hibernate.RedissonRegionFactory;

/**
 * Redisson's Hibernate region factory on the application's shared Redis client (one connection
 * pool, one Redis address setting), with a codec that decodes only allowlisted classes
 * ({@link RegionCodec}), regions that fail open ({@link GuardedRegionStorage}), and timestamps that cost no Redis call ({@link RedisClock}).
 */
public class SharedRedisRegionFactory extends RedissonRegionFactory {

    static {
        // the persistence unit boots first: the shared client is built here, with the codec the JCache caches need
        SharedRedis.defaultCodec(new CacheValueCodec());
    }

    private final RegionCodec codec = new RegionCodec(getClass().getClassLoader());

    @Override
    protected RedissonClient createRedissonClient(StandardServiceRegistry registry, Map properties) {
        return SharedRedis.client();
    }

    @Override
    protected RMapCache<Object, Object> getCache(String regionName, Map properties, String defaultKey) {
        // a handle only: no call to Redis until the region is used (through GuardedRegionStorage)
        return SharedRedis.client().getMapCache(regionName, codec);
    }

    @Override
    protected DomainDataStorageAccess createDomainDataStorageAccess(
            DomainDataRegionConfig regionConfig, DomainDataRegionBuildingContext buildingContext) {
        return guarded(
                regionConfig.getRegionName(), super.createDomainDataStorageAccess(regionConfig, buildingContext));
    }

    @Override
    protected StorageAccess createQueryResultsRegionStorageAccess(
            String regionName, SessionFactoryImplementor sessionFactory) {
        return guarded(regionName, super.createQueryResultsRegionStorageAccess(regionName, sessionFactory));
    }

    @Override
    protected StorageAccess createTimestampsRegionStorageAccess(
            String regionName, SessionFactoryImplementor sessionFactory) {
        return guarded(regionName, super.createTimestampsRegionStorageAccess(regionName, sessionFactory));
    }

    /** Named as in Redis ({@code ecolaura-l2.<region>}), which is how metrics and logs name it. */
    private GuardedRegionStorage guarded(String regionName, StorageAccess redisson) {
        return new GuardedRegionStorage(
                RegionNameQualifier.INSTANCE.qualify(regionName, getOptions()), (DomainDataStorageAccess) redisson);
    }

    /** Redis's clock without a Redis call per Hibernate session ({@link RedisClock}). */
    @Override
    public long nextTimestamp() {
        return RedisClock.nextTimestamp();
    }

    /**
     * How long a soft lock on an entry holds, in the unit of {@link #nextTimestamp} (Hibernate's
     * default, 60,000, is meant in milliseconds; in these shifted stamps it held 15 ms, after which a
     * reader that loaded the old row before a write committed could put it back into the region).
     */
    @Override
    public long getTimeout() {
        return RedisClock.stamps(Duration.ofSeconds(60));
    }

    @Override
    protected void releaseFromUse() {
        // the client is shared with the JCache caches; SharedRedis closes it when the application stops
    }
}
