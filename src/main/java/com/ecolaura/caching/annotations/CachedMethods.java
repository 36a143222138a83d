package com.ecolaura.caching.annotations;

import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.caching.store.RedisCaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;

/**
 * The {@link CachedMethod} an intercepted call caches with: the method's own, or, where it names a
 * cache resolver, the variant for the cache the resolver picks for this call (a shop cache, served
 * like any other, or a foreign one, used through its JCache API only).
 */
@ApplicationScoped
public class CachedMethods {

    @Inject
    CachePolicies policies;

    @Inject
    RedisCaches caches;

    CachedMethod of(InvocationContext invocation) {
        var method = CachedMethod.of(invocation.getMethod(), policies);
        if (method.resolver == null) {
            return method;
        }
        @SuppressWarnings("unchecked")
        var cache = (javax.cache.Cache<Object, Object>)
                method.resolver.resolveCache(new CacheCall(method, invocation.getTarget(), invocation.getParameters()));
        return method.in(cache, caches.isShopCache(cache), policies);
    }
}
