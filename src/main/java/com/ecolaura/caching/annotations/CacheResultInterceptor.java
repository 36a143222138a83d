package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.CacheStore;
import com.ecolaura.caching.store.CacheUpdates;
import com.ecolaura.caching.store.Lease;
import com.ecolaura.caching.store.Lookup;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code @CacheResult} on Redis. A fresh hit skips the method. A stale hit (inside the
 * stale-while-revalidate window), or a fresh one that XFetch picks for early refresh, is served at
 * once while one background refresh recomputes it. A miss is computed once across all instances
 * ({@link SingleFlight}). Non-null results are cached; with an {@code exceptionCacheName}, so are
 * the exceptions it allows ({@link ExceptionCache}).
 */
@CacheResult
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CacheResultInterceptor {

    @Inject
    CacheStore store;

    @Inject
    CacheUpdates updates;

    @Inject
    SingleFlight singleFlight;

    @Inject
    BackgroundRefresh refresh;

    @Inject
    CachedMethods methods;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    @AroundInvoke
    Object cacheResult(InvocationContext invocation) throws Exception {
        if (!enabled) {
            return invocation.proceed();
        }
        var method = methods.of(invocation);
        if (method.foreign != null) {
            return ForeignCache.result(method, invocation);
        }
        String key = method.key(invocation.getTarget(), invocation.getParameters());
        var refreshing = RefreshContext.consume();
        if (refreshing != null) {
            return singleFlight.computeAndWrite(method, refreshing, invocation::proceed);
        }
        if (((CacheResult) method.annotation).skipGet()) {
            return failuresCached(method, key, () -> computeAndCache(invocation, method, key));
        }
        var found = store.lookup(method.cacheName, key, method.resultType);
        if (found instanceof Lookup.Hit hit) {
            var entry = hit.entry();
            long now = System.currentTimeMillis();
            if (!entry.isFresh(now) || method.policy.refreshEarly(now, entry.computeMillis(), entry.freshUntil())) {
                refresh.refresh(method, key, invocation.getMethod(), invocation.getParameters(), entry.freshUntil());
            }
            return entry.value();
        }
        throwCachedFailure(method, key);
        if (found instanceof Lookup.Unreachable) {
            // one failed call per read is enough
            return failuresCached(method, key, () -> singleFlight.computeOnly(method, invocation::proceed));
        }
        return failuresCached(method, key, () -> singleFlight.load(method, key, invocation::proceed));
    }

    /** {@code skipGet}: always computed, and written when this caller can take the lease. */
    private Object computeAndCache(InvocationContext invocation, CachedMethod method, String key) throws Exception {
        if (store.lease(method.policy, key, method.resultType, true) instanceof Lease.Granted lease) {
            return singleFlight.computeAndWrite(method, lease, invocation::proceed);
        }
        return invocation.proceed();
    }

    private void throwCachedFailure(CachedMethod method, String key) throws Exception {
        if (method.exceptions == null) {
            return;
        }
        var failure = store.lookup(method.exceptions.policy.cacheName(), key, ExceptionCache.FAILURE);
        if (failure instanceof Lookup.Hit hit) {
            var rebuilt = method.exceptions.rebuilt(
                    (ExceptionCache.CachedFailure) hit.entry().value());
            if (rebuilt.isPresent()) {
                throw rebuilt.get();
            }
        }
    }

    private Object failuresCached(CachedMethod method, String key, java.util.concurrent.Callable<Object> compute)
            throws Exception {
        try {
            return compute.call();
        } catch (Exception e) {
            if (method.exceptions != null && method.exceptions.caches(e)) {
                updates.put(method.exceptions.policy, key, ExceptionCache.CachedFailure.of(e));
            }
            throw e;
        }
    }
}
