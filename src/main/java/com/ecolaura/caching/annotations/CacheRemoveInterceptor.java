package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.CacheAccess;
import com.ecolaura.redis.control.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemove;

/** {@code @CacheRemove} on Redis: evicts the entry of the key parameters. */
@CacheRemove
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CacheRemoveInterceptor {

    @Inject
    CacheAccess cache;

    @AroundInvoke
    Object cacheRemove(InvocationContext invocation) throws Exception {
        if (!Settings.cachingEnabled()) {
            return invocation.proceed();
        }
        var annotation = invocation.getMethod().getAnnotation(CacheRemove.class);
        var method = CachedMethod.of(invocation.getMethod(), annotation.cacheName());
        Object[] parameters = invocation.getParameters();
        Runnable remove = () -> cache.remove(method.cacheName, method.key(parameters));
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
