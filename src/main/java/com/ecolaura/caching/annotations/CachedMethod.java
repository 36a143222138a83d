package com.ecolaura.caching.annotations;

import com.ecolaura.caching.codec.CacheJson;
import com.ecolaura.caching.codec.CacheKeys;
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
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/**
 * What the JSR-107 rules say about one annotated method, worked out once: its annotation, its cache
 * name (from the annotation, then {@code @CacheDefaults}, then {@code package.Class.method(ParamTypes)}),
 * which parameters form the key ({@code @CacheKey} ones, else all but the {@code @CacheValue}), the
 * type its cached value is decoded into, and its cache's {@link CachePolicy}.
 */
final class CachedMethod {

    private static final Map<Method, CachedMethod> KNOWN = new ConcurrentHashMap<>();

    final Annotation annotation;
    final String cacheName;
    final int[] keyPositions;
    final int valuePosition;
    final JavaType resultType;
    final CachePolicy policy;

    private CachedMethod(Method method, CachePolicies policies) {
        this.annotation = cachingAnnotation(method);
        this.cacheName = cacheName(method, annotatedName(annotation));
        this.valuePosition = positionsOf(method, CacheValue.class).findFirst().orElse(-1);
        int[] marked = positionsOf(method, CacheKey.class).toArray();
        this.keyPositions = marked.length > 0
                ? marked
                : IntStream.range(0, method.getParameterCount())
                        .filter(i -> i != valuePosition)
                        .toArray();
        this.resultType = CacheJson.MAPPER.getTypeFactory().constructType(method.getGenericReturnType());
        this.policy = policies.of(cacheName);
    }

    static CachedMethod of(Method method, CachePolicies policies) {
        var known = KNOWN.get(method);
        return known != null ? known : KNOWN.computeIfAbsent(method, m -> new CachedMethod(m, policies));
    }

    String key(Object[] parameters) {
        return CacheKeys.of(parameters, keyPositions);
    }

    /** The cache a method's annotation names, by the specification's rules (the extension uses them too). */
    static String cacheName(Method method, String annotated) {
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

    private static Annotation cachingAnnotation(Method method) {
        for (var type : new Class[] {CacheResult.class, CachePut.class, CacheRemove.class, CacheRemoveAll.class}) {
            @SuppressWarnings("unchecked")
            Annotation found = method.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("no JSR-107 annotation on " + method);
    }

    private static String annotatedName(Annotation annotation) {
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

    private static IntStream positionsOf(Method method, Class<? extends Annotation> marker) {
        Annotation[][] annotations = method.getParameterAnnotations();
        return IntStream.range(0, annotations.length)
                .filter(i -> Arrays.stream(annotations[i]).anyMatch(a -> a.annotationType() == marker));
    }
}
