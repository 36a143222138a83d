package com.ecolaura.caching.annotations;

import com.ecolaura.caching.codec.CacheJson;
import com.ecolaura.caching.codec.CacheKeys;
import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.caching.policy.CachePolicy;
import com.fasterxml.jackson.databind.JavaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheValue;

/**
 * What the JSR-107 rules say about one annotated method, worked out once: its cache name (from the
 * annotation, then {@code @CacheDefaults}, then {@code package.Class.method(ParamTypes)}), which
 * parameters form the key ({@code @CacheKey} ones, else all but the {@code @CacheValue}), the
 * type its cached value is decoded into, and its cache's {@link CachePolicy}.
 */
final class CachedMethod {

    private static final Map<Method, CachedMethod> KNOWN = new ConcurrentHashMap<>();

    final String cacheName;
    final int[] keyPositions;
    final int valuePosition;
    final JavaType resultType;
    final CachePolicy policy;

    private CachedMethod(Method method, String annotatedCacheName) {
        this.cacheName = cacheName(method, annotatedCacheName);
        this.valuePosition = positionsOf(method, CacheValue.class).findFirst().orElse(-1);
        int[] marked = positionsOf(method, CacheKey.class).toArray();
        this.keyPositions = marked.length > 0
                ? marked
                : IntStream.range(0, method.getParameterCount())
                        .filter(i -> i != valuePosition)
                        .toArray();
        this.resultType = CacheJson.MAPPER.getTypeFactory().constructType(method.getGenericReturnType());
        this.policy = CachePolicies.of(cacheName, method.getAnnotation(CacheFreshness.class));
    }

    static CachedMethod of(Method method, String annotatedCacheName) {
        return KNOWN.computeIfAbsent(method, m -> new CachedMethod(m, annotatedCacheName));
    }

    String key(Object[] parameters) {
        return CacheKeys.of(parameters, keyPositions);
    }

    private static String cacheName(Method method, String annotated) {
        if (!annotated.isEmpty()) {
            return annotated;
        }
        var defaults = method.getDeclaringClass().getAnnotation(CacheDefaults.class);
        if (defaults != null && !defaults.cacheName().isEmpty()) {
            return defaults.cacheName();
        }
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")"));
    }

    private static IntStream positionsOf(Method method, Class<? extends Annotation> marker) {
        Annotation[][] annotations = method.getParameterAnnotations();
        return IntStream.range(0, annotations.length)
                .filter(i -> Arrays.stream(annotations[i]).anyMatch(a -> a.annotationType() == marker));
    }
}
