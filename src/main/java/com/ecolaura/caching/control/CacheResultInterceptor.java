package com.ecolaura.caching.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheResult;

/** {@code @CacheResult} on Redis: a hit skips the method; a non-null result is cached. */
@CacheResult
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CacheResultInterceptor {

    @Inject
    CacheAccess cache;

    @AroundInvoke
    Object cacheResult(InvocationContext invocation) throws Exception {
        if (!Settings.cachingEnabled()) {
            return invocation.proceed();
        }
        var annotation = invocation.getMethod().getAnnotation(CacheResult.class);
        var method = CachedMethod.of(invocation.getMethod(), annotation.cacheName());
        String key = method.key(invocation.getParameters());
        if (!annotation.skipGet()) {
            var cached = cache.get(method.cacheName, key, method.resultType);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Object result = invocation.proceed();
        cache.put(method.cacheName, key, result);
        return result;
    }
}
