package com.ecolaura.caching.region;

import com.ecolaura.caching.codec.RejectedEntries;
import com.ecolaura.caching.codec.RejectedEntryException;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.cache.spi.support.DomainDataStorageAccess;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A second-level cache region that fails open and never serves what an outage may have left
 * stale. While the {@link RedisCircuit} is open nothing is tried; a call that fails is counted and
 * the session goes on from the database. A write or eviction that could not reach Redis (Hibernate
 * writes entity state and update timestamps through here) marks the whole second-level cache
 * suspect: it is bypassed until {@link CircuitRecovery} has cleared every region. An entry the
 * codec refuses ({@link RegionCodec}) is counted, evicted and read as a miss.
 */
public final class GuardedRegionStorage implements DomainDataStorageAccess {

    private static final List<GuardedRegionStorage> REGIONS = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean SUSPECT = new AtomicBoolean();

    private final String region;
    private final DomainDataStorageAccess redis;

    GuardedRegionStorage(String region, DomainDataStorageAccess redis) {
        this.region = region;
        this.redis = redis;
        REGIONS.add(this);
    }

    /** Whether a write or eviction missed Redis since the regions were last cleared. */
    public static boolean isSuspect() {
        return SUSPECT.get();
    }

    /** Clears every region if a write or eviction missed Redis; says whether they are trustworthy now. */
    public static boolean clearIfSuspect() {
        if (!SUSPECT.getAndSet(false)) {
            return true;
        }
        for (var storage : REGIONS) {
            try {
                storage.redis.evictData();
            } catch (RuntimeException e) {
                storage.failed("clear", e);
                SUSPECT.set(true);
                return false;
            }
        }
        return true;
    }

    @Override
    public Object getFromCache(Object key, SharedSessionContractImplementor session) {
        if (SUSPECT.get() || skipped()) {
            return null;
        }
        try {
            Object value = redis.getFromCache(key, session);
            RedisCircuit.succeeded();
            return value;
        } catch (RuntimeException e) {
            var rejected = RejectedEntryException.in(e);
            if (rejected.isPresent()) {
                CacheMetrics.regionCount("rejected.entries", region);
                RejectedEntries.record(region, String.valueOf(key), rejected.get());
                evictData(key);
            } else {
                failed("get", e);
            }
            return null;
        }
    }

    @Override
    public void putIntoCache(Object key, Object value, SharedSessionContractImplementor session) {
        write("put", () -> redis.putIntoCache(key, value, session));
    }

    @Override
    public boolean contains(Object key) {
        if (SUSPECT.get() || skipped()) {
            return false;
        }
        try {
            return redis.contains(key);
        } catch (RuntimeException e) {
            failed("contains", e);
            return false;
        }
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
        if (skipped()) {
            SUSPECT.set(true);
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            failed(operation, e);
            SUSPECT.set(true);
        }
    }

    private boolean skipped() {
        if (RedisCircuit.isClosed()) {
            return false;
        }
        CacheMetrics.regionCount("skipped", region);
        return true;
    }

    private void failed(String operation, RuntimeException e) {
        CacheMetrics.regionCount("errors", region);
        RedisFailures.record(operation, region, e);
    }
}
