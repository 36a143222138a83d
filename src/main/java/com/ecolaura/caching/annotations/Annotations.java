package com.ecolaura.caching.annotations;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;

/** The members the four JSR-107 annotations share, read whichever of them a method carries. */
final class Annotations {

    private Annotations() {}

    static Annotation caching(Method method) {
        for (var type : new Class[] {CacheResult.class, CachePut.class, CacheRemove.class, CacheRemoveAll.class}) {
            @SuppressWarnings("unchecked")
            Annotation found = method.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("no JSR-107 annotation on " + method);
    }

    static String cacheName(Annotation annotation) {
        if (annotation instanceof CacheResult result) {
            return result.cacheName();
        }
        if (annotation instanceof CachePut put) {
            return put.cacheName();
        }
        if (annotation instanceof CacheRemove remove) {
            return remove.cacheName();
        }
        return ((CacheRemoveAll) annotation).cacheName();
    }

    /** {@code CacheKeyGenerator.class} itself when the annotation leaves it to {@code @CacheDefaults} or the default. */
    static Class<? extends CacheKeyGenerator> keyGenerator(Annotation annotation) {
        if (annotation instanceof CacheResult result) {
            return result.cacheKeyGenerator();
        }
        if (annotation instanceof CachePut put) {
            return put.cacheKeyGenerator();
        }
        if (annotation instanceof CacheRemove remove) {
            return remove.cacheKeyGenerator();
        }
        return CacheKeyGenerator.class; // @CacheRemoveAll has no key
    }

    /** {@code CacheResolverFactory.class} itself when the annotation leaves it to {@code @CacheDefaults} or the default. */
    static Class<? extends CacheResolverFactory> resolverFactory(Annotation annotation) {
        if (annotation instanceof CacheResult result) {
            return result.cacheResolverFactory();
        }
        if (annotation instanceof CachePut put) {
            return put.cacheResolverFactory();
        }
        if (annotation instanceof CacheRemove remove) {
            return remove.cacheResolverFactory();
        }
        return ((CacheRemoveAll) annotation).cacheResolverFactory();
    }
}
