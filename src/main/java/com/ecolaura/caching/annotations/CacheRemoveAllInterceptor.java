package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.CacheAccess;
import com.ecolaura.redis.control.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemoveAll;

/** {@code @CacheRemoveAll} on Redis: clears the whole cache. */
@CacheRemoveAll
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CacheRemoveAllInterceptor {

    @Inject
    CacheAccess cache;

    @AroundInvoke
    Object cacheRemoveAll(InvocationContext invocation) throws Exception {
        if (!Settings.cachingEnabled()) {
            return invocation.proceed();
        }
        var annotation = invocation.getMethod().getAnnotation(CacheRemoveAll.class);
        var method = CachedMethod.of(invocation.getMethod(), annotation.cacheName());
        if (!annotation.afterInvocation()) {
            cache.clear(method.cacheName);
            return invocation.proceed();
        }
        try {
            Object result = invocation.proceed();
            cache.clear(method.cacheName);
            return result;
        } catch (Exception e) {
            if (ExceptionFilter.includes(e, annotation.evictFor(), annotation.noEvictFor())) {
                cache.clear(method.cacheName);
            }
            throw e;
        }
    }
}
