package com.ecolaura.caching.annotations;

import com.ecolaura.caching.codec.CacheJson;
import com.ecolaura.caching.codec.CacheKeys;
import com.ecolaura.caching.entity.DefaultGeneratedCacheKey;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.caching.policy.CachePolicy;
import com.fasterxml.jackson.databind.JavaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.cache.Cache;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * What the JSR-107 rules say about one annotated method, worked out once: its annotation, its cache
 * name (from the annotation, then {@code @CacheDefaults}, then {@code package.Class.method(ParamTypes)}),
 * which parameters form the key ({@code @CacheKey} ones, else all but the {@code @CacheValue}), its
 * key generator and cache resolver if it names them ({@link Pluggable}), the type its cached value is
 * decoded into, and its cache's {@link CachePolicy}. With a cache resolver, each cache it picks gets a
 * variant of this method ({@link #in}).
 */
final class CachedMethod implements CacheMethodDetails<Annotation> {

    private static final Map<Method, CachedMethod> KNOWN = new ConcurrentHashMap<>();

    final Method method;
    final Annotation annotation;
    final String cacheName;
    final int[] keyPositions;
    final int valuePosition;
    final JavaType resultType;
    final CachePolicy policy;
    final CacheKeyGenerator keyGenerator;
    final CacheResolver resolver;
    final ExceptionCache exceptions;

    /** The cache a resolver picked that is not one of the shop's (then used through the JCache API only). */
    final Cache<Object, Object> foreign;

    private final Set<Annotation> annotations;
    private final Map<Cache<?, ?>, CachedMethod> variants = new ConcurrentHashMap<>();

    private CachedMethod(Method method, CachePolicies policies) {
        this.method = method;
        this.annotation = Annotations.caching(method);
        this.annotations = Set.of(method.getAnnotations());
        this.cacheName = cacheName(method, Annotations.cacheName(annotation));
        this.valuePosition = positionsOf(method, CacheValue.class).findFirst().orElse(-1);
        int[] marked = positionsOf(method, CacheKey.class).toArray();
        this.keyPositions = marked.length > 0
                ? marked
                : IntStream.range(0, method.getParameterCount())
                        .filter(i -> i != valuePosition)
                        .toArray();
        this.resultType = CacheJson.MAPPER.getTypeFactory().constructType(method.getGenericReturnType());
        this.policy = policies.of(cacheName);
        this.keyGenerator = Pluggable.keyGenerator(method, annotation);
        var factory = Pluggable.resolverFactory(method, annotation);
        this.resolver = factory == null ? null : factory.getCacheResolver(this);
        this.exceptions = annotation instanceof CacheResult result
                        && !result.exceptionCacheName().isEmpty()
                ? new ExceptionCache(method, result, policies.of(result.exceptionCacheName()))
                : null;
        this.foreign = null;
    }

    /** This method caching in another cache, picked by its resolver. */
    private CachedMethod(CachedMethod base, Cache<Object, Object> cache, boolean shop, CachePolicies policies) {
        this.method = base.method;
        this.annotation = base.annotation;
        this.annotations = base.annotations;
        this.cacheName = cache.getName();
        this.keyPositions = base.keyPositions;
        this.valuePosition = base.valuePosition;
        this.resultType = base.resultType;
        this.policy = policies.of(cacheName);
        this.keyGenerator = base.keyGenerator;
        this.resolver = null;
        this.exceptions = base.exceptions;
        this.foreign = shop ? null : cache;
    }

    static CachedMethod of(Method method, CachePolicies policies) {
        var known = KNOWN.get(method);
        return known != null ? known : KNOWN.computeIfAbsent(method, m -> new CachedMethod(m, policies));
    }

    /** The variant of this method for the cache its resolver picked. */
    CachedMethod in(Cache<Object, Object> cache, boolean shop, CachePolicies policies) {
        var variant = variants.get(cache);
        return variant != null
                ? variant
                : variants.computeIfAbsent(cache, c -> new CachedMethod(this, cache, shop, policies));
    }

    /** The key as Redis stores it: the JSR-107 key of the call, through the key codec. */
    String key(Object target, Object[] parameters) {
        return keyGenerator == null
                ? CacheKeys.of(parameters, keyPositions)
                : CacheKeys.encode(generatedKey(target, parameters));
    }

    /** The key as the specification defines it (a {@link DefaultGeneratedCacheKey}, or the generator's). */
    GeneratedCacheKey generatedKey(Object target, Object[] parameters) {
        if (keyGenerator != null) {
            return keyGenerator.generateCacheKey(new CacheCall(this, target, parameters));
        }
        return new DefaultGeneratedCacheKey(
                Arrays.stream(keyPositions).mapToObj(i -> parameters[i]).toArray());
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

    @Override
    public Method getMethod() {
        return method;
    }

    @Override
    public Set<Annotation> getAnnotations() {
        return annotations;
    }

    @Override
    public Annotation getCacheAnnotation() {
        return annotation;
    }

    @Override
    public String getCacheName() {
        return cacheName;
    }

    private static IntStream positionsOf(Method method, Class<? extends Annotation> marker) {
        Annotation[][] annotations = method.getParameterAnnotations();
        return IntStream.range(0, annotations.length)
                .filter(i -> Arrays.stream(annotations[i]).anyMatch(a -> a.annotationType() == marker));
    }
}
