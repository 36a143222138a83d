package com.ecolaura.caching.region;

import com.ecolaura.caching.codec.RejectedEntries;
import com.ecolaura.caching.codec.RejectedEntryException;
import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.redis.control.RedisGateway;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.cache.spi.support.DomainDataStorageAccess;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A second-level cache region that fails open, through the {@link RedisGateway}, and never serves
 * what an outage may have left stale. A write or eviction that could not reach Redis (Hibernate
 * writes entity state and update timestamps through here) marks the whole second-level cache
 * suspect: it is bypassed until every region has been cleared ({@link RegionRecovery}). An entry the
 * codec refuses ({@link RegionCodec}) is counted, evicted and read as a miss.
 */
final class GuardedRegionStorage implements DomainDataStorageAccess {

    private static final List<GuardedRegionStorage> REGIONS = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean SUSPECT = new AtomicBoolean();

    private final String region;
    private final DomainDataStorageAccess redis;
    private final RedisGateway gateway = RedisGateway.instance();

    GuardedRegionStorage(String region, DomainDataStorageAccess redis) {
        this.region = region;
        this.redis = redis;
        REGIONS.add(this);
    }

    /** Clears every region if a write or eviction missed Redis; says whether they are trustworthy now. */
    static boolean clearIfSuspect(RedisGateway pastTheCircuit) {
        if (!SUSPECT.getAndSet(false)) {
            return true;
        }
        for (var storage : REGIONS) {
            if (!pastTheCircuit.run("clear", storage.region, client -> storage.redis.evictData())) {
                SUSPECT.set(true);
                return false;
            }
        }
        return true;
    }

    @Override
    public Object getFromCache(Object key, SharedSessionContractImplementor session) {
        if (SUSPECT.get()) {
            return null;
        }
        try {
            return gateway.call("get", region, client -> redis.getFromCache(key, session), null);
        } catch (RejectedEntryException rejected) {
            CacheMetrics.regionCount(CacheCounter.REJECTED_ENTRIES, region);
            RejectedEntries.record(region, String.valueOf(key), rejected);
            evictData(key);
            return null;
        }
    }

    @Override
    public void putIntoCache(Object key, Object value, SharedSessionContractImplementor session) {
        write("put", () -> redis.putIntoCache(key, value, session));
    }

    @Override
    public boolean contains(Object key) {
        return !SUSPECT.get() && gateway.call("contains", region, client -> redis.contains(key), false);
    }

    @Override
    public void evictData() {
        write("clear", redis::evictData);
    }

    @Override
    public void evictData(Object key) {
        write("remove", () -> redis.evictData(key));
    }

    @Override
    public void release() {
        REGIONS.remove(this);
        redis.release();
    }

    private void write(String operation, Runnable call) {
        if (!gateway.run(operation, region, client -> call.run())) {
            SUSPECT.set(true);
        }
    }
}
