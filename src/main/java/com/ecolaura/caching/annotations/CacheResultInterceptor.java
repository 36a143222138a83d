package com.ecolaura.caching.annotations;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.store.CacheAccess;
import com.ecolaura.redis.control.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheResult;

/**
 * {@code @CacheResult} on Redis. A fresh hit skips the method. A stale hit (inside the
 * stale-while-revalidate window), or a fresh one that XFetch picks for early refresh, is served at
 * once while one background refresh recomputes it. A miss is computed once across all instances
 * ({@link SingleFlight}). Non-null results are cached.
 */
@CacheResult
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CacheResultInterceptor {

    @Inject
    CacheAccess cache;

    @Inject
    SingleFlight singleFlight;

    @Inject
    BackgroundRefresh refresh;

    @AroundInvoke
    Object cacheResult(InvocationContext invocation) throws Exception {
        if (!Settings.cachingEnabled()) {
            return invocation.proceed();
        }
        var annotation = invocation.getMethod().getAnnotation(CacheResult.class);
        var method = CachedMethod.of(invocation.getMethod(), annotation.cacheName());
        String key = method.key(invocation.getParameters());
        if (RefreshContext.consume() || annotation.skipGet()) {
            return computeAndCache(invocation, method, key);
        }
        var hit = cache.get(method.cacheName, key, method.resultType);
        if (hit.isPresent()) {
            var entry = hit.get();
            long now = System.currentTimeMillis();
            if (!entry.isFresh(now) || method.policy.refreshEarly(now, entry.computeMillis(), entry.freshUntil())) {
                refresh.refresh(method, key, invocation.getMethod(), invocation.getParameters(), entry.freshUntil());
            }
            return entry.value();
        }
        return singleFlight.load(method, key, () -> computeAndCache(invocation, method, key));
    }

    private Object computeAndCache(InvocationContext invocation, CachedMethod method, String key) throws Exception {
        String fence = cache.fence(method.cacheName, key);
        long started = System.nanoTime();
        Object result = invocation.proceed();
        long took = System.nanoTime() - started;
        CacheMetrics.load(method.cacheName, took);
        cache.putUnlessEvictedSince(fence, method.policy, key, result, took / 1_000_000);
        return result;
    }
}
