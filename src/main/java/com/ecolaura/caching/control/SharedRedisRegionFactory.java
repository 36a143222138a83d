package com.ecolaura.caching.control;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.redisson.api.RMapCache;
import org.redisson.api.RedissonClient;
import org.redisson.hibernate.RedissonRegionFactory;

/**
 * Redisson's Hibernate region factory on the application's shared Redis client (one connection
 * pool, one Redis address setting), with a codec that decodes only allowlisted classes
 * ({@link RegionCodec}), and timestamps that cost no Redis call ({@link RedisClock}).
 */
public class SharedRedisRegionFactory extends RedissonRegionFactory {

    private final RegionCodec codec = new RegionCodec(getClass().getClassLoader());

    @Override
    protected RedissonClient createRedissonClient(StandardServiceRegistry registry, Map properties) {
        return SharedRedis.client();
    }

    @Override
    protected RMapCache<Object, Object> getCache(String regionName, Map properties, String defaultKey) {
        return SharedRedis.client().getMapCache(regionName, codec);
    }

    /** Redis's clock without a Redis call per Hibernate session ({@link RedisClock}). */
    @Override
    public long nextTimestamp() {
        return RedisClock.nextTimestamp();
    }

    @Override
    protected void releaseFromUse() {
        // the client is shared with the JCache caches; SharedRedis closes it when the application stops
    }
}
