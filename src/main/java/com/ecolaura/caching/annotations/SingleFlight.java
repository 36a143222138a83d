package com.ecolaura.caching.annotations;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.store.CacheAccess;
import com.ecolaura.caching.store.KeyLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * On a miss, one caller across all instances computes the value; the others poll the cache for it
 * (5 ms, then backing off to 50 ms) for up to the policy's lock wait, and compute it themselves
 * only if the holder is too slow or gone.
 */
@ApplicationScoped
public class SingleFlight {

    @Inject
    CacheAccess cache;

    Object load(CachedMethod method, String key, Callable<Object> compute) throws Exception {
        String lockKey = "ecolaura:lock:" + method.policy.cacheName() + ":" + key;
        var lease = KeyLocks.tryAcquire(lockKey, method.policy.lockLease());
        if (lease.isPresent() && KeyLocks.UNRECORDED.equals(lease.get())) {
            return compute.call(); // Redis just failed: no other caller can be coordinated, nor served
        }
        if (lease.isPresent()) {
            return computeHolding(method, key, lockKey, lease.get(), compute);
        }
        long deadline = System.nanoTime() + method.policy.lockWait().toNanos();
        long pause = 5;
        while (System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(pause);
            pause = Math.min(50, pause * 2);
            var computed = cache.peek(method.cacheName, key, method.resultType);
            if (computed.isPresent()) {
                CacheMetrics.coalesced(method.cacheName);
                return computed.get().value();
            }
            if (!KeyLocks.isHeld(lockKey)) {
                var released = KeyLocks.tryAcquire(lockKey, method.policy.lockLease());
                if (released.isPresent()) {
                    return computeHolding(method, key, lockKey, released.get(), compute);
                }
            }
        }
        CacheMetrics.lockWaitTimeout(method.cacheName);
        return compute.call();
    }

    private Object computeHolding(
            CachedMethod method, String key, String lockKey, String token, Callable<Object> compute) throws Exception {
        try {
            // the previous holder may have cached it between our miss and our lease
            var computed = cache.peek(method.cacheName, key, method.resultType);
            if (computed.isPresent()) {
                CacheMetrics.coalesced(method.cacheName);
                return computed.get().value();
            }
            return compute.call();
        } finally {
            KeyLocks.release(lockKey, token);
        }
    }
}
