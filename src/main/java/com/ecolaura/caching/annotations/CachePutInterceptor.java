package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.CacheAccess;
import com.ecolaura.redis.control.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CachePut;

/** {@code @CachePut} on Redis: caches the {@code @CacheValue} parameter under the key parameters. */
@CachePut
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CachePutInterceptor {

    @Inject
    CacheAccess cache;

    @AroundInvoke
    Object cachePut(InvocationContext invocation) throws Exception {
        if (!Settings.cachingEnabled()) {
            return invocation.proceed();
        }
        var annotation = invocation.getMethod().getAnnotation(CachePut.class);
        var method = CachedMethod.of(invocation.getMethod(), annotation.cacheName());
        if (method.valuePosition < 0) {
            throw new IllegalStateException("@CachePut needs a @CacheValue parameter: " + invocation.getMethod());
        }
        Object[] parameters = invocation.getParameters();
        Runnable put = () -> cache.put(method.policy, method.key(parameters), parameters[method.valuePosition], 0);
        if (!annotation.afterInvocation()) {
            put.run();
            return invocation.proceed();
        }
        try {
            Object result = invocation.proceed();
            put.run();
            return result;
        } catch (Exception e) {
            if (ExceptionFilter.includes(e, annotation.cacheFor(), annotation.noCacheFor())) {
                put.run();
            }
            throw e;
        }
    }
}
