package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.CacheUpdates;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemoveAll;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code @CacheRemoveAll} on Redis: clears the whole cache. */
@CacheRemoveAll
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CacheRemoveAllInterceptor {

    @Inject
    CacheUpdates cache;

    @Inject
    CachedMethods methods;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    @AroundInvoke
    Object cacheRemoveAll(InvocationContext invocation) throws Exception {
        if (!enabled) {
            return invocation.proceed();
        }
        var method = methods.of(invocation);
        var annotation = (CacheRemoveAll) method.annotation;
        Runnable clear =
                method.foreign != null ? () -> ForeignCache.removeAll(method) : () -> cache.clear(method.cacheName);
        if (!annotation.afterInvocation()) {
            clear.run();
            return invocation.proceed();
        }
        try {
            Object result = invocation.proceed();
            clear.run();
            return result;
        } catch (Exception e) {
            if (ExceptionFilter.includes(e, annotation.evictFor(), annotation.noEvictFor())) {
                clear.run();
            }
            throw e;
        }
    }
}
