package com.ecolaura.caching.annotations;

import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.store.CacheStore;
import com.ecolaura.caching.store.Lease;
import com.ecolaura.caching.store.QuietReads;
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
 * instances: a set of keys being refreshed here, then the entry's lease in Redis. The call goes
 * through the bean's proxy, so its transaction and the cache interceptor (which writes under the
 * lease) apply as usual.
 */
@ApplicationScoped
public class BackgroundRefresh {

    private static final System.Logger LOG = System.getLogger(BackgroundRefresh.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CacheStore store;

    private final Set<String> refreshingHere = ConcurrentHashMap.newKeySet();

    /**
     * @param seenFreshUntil the expiry of the entry the caller was served; a refresh that finds a
     *     later one (a refresh that finished while this request read the old entry) has nothing to do
     */
    void refresh(CachedMethod cached, String key, Method method, Object[] parameters, long seenFreshUntil) {
        String refreshing = cached.cacheName + "\n" + key;
        if (!refreshingHere.add(refreshing)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    if (store.lease(cached.policy, key, cached.resultType, true) instanceof Lease.Granted lease) {
                        if (refreshedSince(cached, key, seenFreshUntil)) {
                            store.release(lease);
                            return;
                        }
                        invokeUnder(lease, method, parameters);
                        CacheMetrics.count(CacheCounter.REFRESHES, cached.cacheName);
                    }
                } finally {
                    refreshingHere.remove(refreshing);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshingHere.remove(refreshing);
        }
    }

    private boolean refreshedSince(CachedMethod cached, String key, long seenFreshUntil) {
        return QuietReads.run(() -> store.get(cached.cacheName, key, cached.resultType))
                .filter(entry -> entry.freshUntil() > seenFreshUntil)
                .isPresent();
    }

    private void invokeUnder(Lease.Granted lease, Method method, Object[] parameters) {
        Object bean = CDI.current().select(method.getDeclaringClass()).get();
        RefreshContext.hold(lease);
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
            var unused = RefreshContext.consume();
            if (unused != null) {
                store.release(unused); // the interceptor never ran
            }
        }
    }
}
