package com.ecolaura.caching.annotations;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.store.CacheAccess;
import com.ecolaura.caching.store.KeyLocks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Recomputes a stale (or nearly expired) entry off the request thread, exactly once across all
 * instances: a set of keys being refreshed here, then a lease in Redis. The call goes through the
 * bean's proxy, so its transaction and the cache interceptor (which then writes) apply as usual.
 */
@ApplicationScoped
public class BackgroundRefresh {

    private static final System.Logger LOG = System.getLogger(BackgroundRefresh.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CacheAccess cache;

    private final Set<String> refreshingHere = ConcurrentHashMap.newKeySet();

    /**
     * @param seenFreshUntil the expiry of the entry the caller was served; a refresh that finds a
     *     later one (a refresh that finished while this request read the old entry) has nothing to do
     */
    void refresh(CachedMethod cached, String key, Method method, Object[] parameters, long seenFreshUntil) {
        String lockKey = "ecolaura:refresh:" + cached.policy.cacheName() + ":" + key;
        if (!refreshingHere.add(lockKey)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    KeyLocks.tryAcquire(lockKey, cached.policy.lockLease()).ifPresent(token -> {
                        try {
                            if (refreshedSince(cached, key, seenFreshUntil)) {
                                return;
                            }
                            invokeForced(method, parameters);
                            CacheMetrics.refresh(cached.cacheName);
                        } finally {
                            KeyLocks.release(lockKey, token);
                        }
                    });
                } finally {
                    refreshingHere.remove(lockKey);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshingHere.remove(lockKey);
        }
    }

    private boolean refreshedSince(CachedMethod cached, String key, long seenFreshUntil) {
        return cache.peek(cached.cacheName, key, cached.resultType)
                .filter(entry -> entry.freshUntil() > seenFreshUntil)
                .isPresent();
    }

    private static void invokeForced(Method method, Object[] parameters) {
        Object bean = CDI.current().select(method.getDeclaringClass()).get();
        RefreshContext.force();
        try {
            method.invoke(bean, parameters);
        } catch (InvocationTargetException e) {
            LOG.log(
                    Level.WARNING,
                    "background refresh of {0} failed: {1}",
                    method.getName(),
                    e.getCause().toString());
        } catch (IllegalAccessException e) {
            LOG.log(Level.WARNING, "background refresh of {0} impossible: {1}", method.getName(), e.toString());
        } finally {
            RefreshContext.consume();
        }
    }
}
