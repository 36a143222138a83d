package com.ecolaura.caching.annotations;

import jakarta.enterprise.inject.spi.CDI;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheResolverFactory;

/**
 * The key generator and cache resolver factory a method names, on its annotation or else on its
 * class's {@code @CacheDefaults}; null where neither does (the shop's own, faster path). An instance
 * is the CDI bean of that class where there is one (so it can inject), else made by its no-argument
 * constructor, as the specification asks.
 */
final class Pluggable {

    private Pluggable() {}

    static CacheKeyGenerator keyGenerator(Method method, Annotation annotation) {
        Class<? extends CacheKeyGenerator> type = Annotations.keyGenerator(annotation);
        var defaults = method.getDeclaringClass().getAnnotation(CacheDefaults.class);
        if (type == CacheKeyGenerator.class && defaults != null) {
            type = defaults.cacheKeyGenerator();
        }
        return type == CacheKeyGenerator.class ? null : instance(type);
    }

    static CacheResolverFactory resolverFactory(Method method, Annotation annotation) {
        Class<? extends CacheResolverFactory> type = Annotations.resolverFactory(annotation);
        var defaults = method.getDeclaringClass().getAnnotation(CacheDefaults.class);
        if (type == CacheResolverFactory.class && defaults != null) {
            type = defaults.cacheResolverFactory();
        }
        return type == CacheResolverFactory.class ? null : instance(type);
    }

    private static <T> T instance(Class<T> type) {
        var beans = CDI.current().select(type);
        if (beans.isResolvable()) {
            return beans.get();
        }
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    type.getName() + " is neither a CDI bean nor has a no-argument constructor", e);
        }
    }
}
