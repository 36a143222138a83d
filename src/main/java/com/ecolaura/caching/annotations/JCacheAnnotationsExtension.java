package com.ecolaura.caching.annotations;

import com.ecolaura.caching.codec.CacheJson;
import com.ecolaura.caching.codec.CachedTypes;
import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.DeclaredFreshness;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/**
 * Payara adds interceptors for the JSR-107 annotations to every application, backed by its
 * embedded Hazelcast. Left alone they would cache in Hazelcast, around ours; this vetoes them
 * (and their Hazelcast producers) so that the annotations are served by our Redis interceptors.
 * Payara's extension still registers the annotations as interceptor bindings, which ours use.
 *
 * <p>It also notes each cache's {@link CacheFreshness} as the classes are discovered, so that a
 * cache's policy is known before the first call of its method, and each cached value type
 * ({@link CachedTypes}), so that the JCache API can decode what the annotations stored.
 */
public class JCacheAnnotationsExtension implements Extension {

    static final String PAYARA_JSR107 = "fish.payara.cdi.jsr107.";

    <T> void vetoPayaraInterceptors(@Observes ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().getJavaClass().getName().startsWith(PAYARA_JSR107)) {
            type.veto();
        }
    }

    <T> void noteFreshness(@Observes @WithAnnotations(CacheFreshness.class) ProcessAnnotatedType<T> type) {
        for (var method : type.getAnnotatedType().getMethods()) {
            var freshness = method.getAnnotation(CacheFreshness.class);
            var result = method.getAnnotation(CacheResult.class);
            if (freshness != null && result != null) {
                DeclaredFreshness.declare(
                        CachedMethod.cacheName(method.getJavaMember(), result.cacheName()), freshness);
            }
        }
    }

    <T> void noteCachedTypes(
            @Observes @WithAnnotations({CacheResult.class, CachePut.class}) ProcessAnnotatedType<T> type) {
        var types = CacheJson.MAPPER.getTypeFactory();
        for (var method : type.getAnnotatedType().getMethods()) {
            if (method.isAnnotationPresent(CacheResult.class)) {
                CachedTypes.register(types.constructType(method.getJavaMember().getGenericReturnType()));
            }
            if (method.isAnnotationPresent(CachePut.class)) {
                method.getParameters().stream()
                        .filter(parameter -> parameter.isAnnotationPresent(CacheValue.class))
                        .forEach(parameter -> CachedTypes.register(types.constructType(parameter.getBaseType())));
            }
        }
    }
}
