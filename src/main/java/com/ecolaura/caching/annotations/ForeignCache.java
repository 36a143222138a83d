package com.ecolaura.caching.annotations;

import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * The annotations on a cache a resolver picked outside the shop's cache manager (another JCache
 * provider): plain JCache calls under the specification's key, without the shop's single flight,
 * near cache or fences, which live in its Redis only. A failing cache is skipped, as Redis is.
 */
final class ForeignCache {

    private static final System.Logger LOG = System.getLogger(ForeignCache.class.getName());

    private ForeignCache() {}

    static Object result(CachedMethod method, InvocationContext invocation) throws Exception {
        Object key = method.generatedKey(invocation.getTarget(), invocation.getParameters());
        Object cached = tried(method, cache -> cache.get(key));
        if (cached != null) {
            return cached;
        }
        Object result = invocation.proceed();
        if (result != null) {
            run(method, cache -> cache.put(key, result));
        }
        return result;
    }

    static void put(CachedMethod method, InvocationContext invocation) {
        Object[] parameters = invocation.getParameters();
        Object key = method.generatedKey(invocation.getTarget(), parameters);
        run(method, cache -> cache.put(key, parameters[method.valuePosition]));
    }

    static void remove(CachedMethod method, InvocationContext invocation) {
        Object key = method.generatedKey(invocation.getTarget(), invocation.getParameters());
        run(method, cache -> cache.remove(key));
    }

    static void removeAll(CachedMethod method) {
        run(method, Cache::removeAll);
    }

    private static void run(CachedMethod method, Consumer<Cache<Object, Object>> call) {
        tried(method, cache -> {
            call.accept(cache);
            return null;
        });
    }

    private static Object tried(CachedMethod method, Function<Cache<Object, Object>, Object> call) {
        try {
            return call.apply(method.foreign);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cache {0} failed, served without it: {1}", method.cacheName, e.toString());
            return null;
        }
    }
}
