package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.CacheUpdates;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemove;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code @CacheRemove} on Redis: evicts the entry of the key parameters. */
@CacheRemove
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CacheRemoveInterceptor {

    @Inject
    CacheUpdates cache;

    @Inject
    CachedMethods methods;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    @AroundInvoke
    Object cacheRemove(InvocationContext invocation) throws Exception {
        if (!enabled) {
            return invocation.proceed();
        }
        var method = methods.of(invocation);
        var annotation = (CacheRemove) method.annotation;
        Object[] parameters = invocation.getParameters();
        Runnable remove = method.foreign != null
                ? () -> ForeignCache.remove(method, invocation)
                : () -> cache.remove(method.cacheName, method.key(invocation.getTarget(), parameters));
        if (!annotation.afterInvocation()) {
            remove.run();
            return invocation.proceed();
        }
        try {
            Object result = invocation.proceed();
            remove.run();
            return result;
        } catch (Exception e) {
            if (ExceptionFilter.includes(e, annotation.evictFor(), annotation.noEvictFor())) {
                remove.run();
            }
            throw e;
        }
    }
}
