package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.CacheUpdates;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CachePut;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code @CachePut} on Redis: caches the {@code @CacheValue} parameter under the key parameters. */
@CachePut
@Interceptor
@Priority(CachingOrder.AROUND_TRANSACTIONS)
public class CachePutInterceptor {

    @Inject
    CacheUpdates cache;

    @Inject
    CachedMethods methods;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    @AroundInvoke
    Object cachePut(InvocationContext invocation) throws Exception {
        if (!enabled) {
            return invocation.proceed();
        }
        var method = methods.of(invocation);
        var annotation = (CachePut) method.annotation;
        if (method.valuePosition < 0) {
            throw new IllegalStateException("@CachePut needs a @CacheValue parameter: " + invocation.getMethod());
        }
        Object[] parameters = invocation.getParameters();
        Runnable put = method.foreign != null
                ? () -> ForeignCache.put(method, invocation)
                : () -> cache.put(
                        method.policy,
                        method.key(invocation.getTarget(), parameters),
                        parameters[method.valuePosition]);
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
