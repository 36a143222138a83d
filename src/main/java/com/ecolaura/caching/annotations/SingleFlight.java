package com.ecolaura.caching.annotations;

import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.store.CacheStore;
import com.ecolaura.caching.store.Lease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * On a miss, one caller across all instances computes the value under a lease; the others ask again
 * (5 ms, then backing off to 50 ms) for up to the policy's lock wait, and get the value, or the lease
 * once the holder is gone, or compute themselves only if the holder is too slow. Each ask is one
 * round trip ({@link CacheStore#lease}).
 */
@ApplicationScoped
public class SingleFlight {

    @Inject
    CacheStore store;

    Object load(CachedMethod method, String key, Callable<Object> compute) throws Exception {
        long deadline = System.nanoTime() + method.policy.lockWait().toNanos();
        long pause = 5;
        while (true) {
            var lease = store.lease(method.policy, key, method.resultType, false);
            if (lease instanceof Lease.Cached cached) {
                CacheMetrics.count(CacheCounter.COALESCED, method.cacheName);
                return cached.entry().value();
            }
            if (lease instanceof Lease.Granted granted) {
                return computeAndWrite(method, granted, compute);
            }
            if (lease instanceof Lease.Unavailable || System.nanoTime() >= deadline) {
                if (lease instanceof Lease.Held) {
                    CacheMetrics.count(CacheCounter.LOCK_WAIT_TIMEOUTS, method.cacheName);
                }
                return computeOnly(method, compute);
            }
            TimeUnit.MILLISECONDS.sleep(pause);
            pause = Math.min(50, pause * 2);
        }
    }

    /** Computes without writing: without a lease nothing fences the value against a concurrent write. */
    Object computeOnly(CachedMethod method, Callable<Object> compute) throws Exception {
        long started = System.nanoTime();
        Object result = compute.call();
        CacheMetrics.load(method.cacheName, System.nanoTime() - started);
        return result;
    }

    /** Computes under the lease and writes the result, or gives the lease back if the computation fails. */
    Object computeAndWrite(CachedMethod method, Lease.Granted lease, Callable<Object> compute) throws Exception {
        long started = System.nanoTime();
        Object result;
        try {
            result = compute.call();
        } catch (Exception | Error e) {
            store.release(lease);
            throw e;
        }
        long took = System.nanoTime() - started;
        CacheMetrics.load(method.cacheName, took);
        store.putComputed(lease, method.policy, method.resultType, result, took / 1_000_000);
        return result;
    }
}
