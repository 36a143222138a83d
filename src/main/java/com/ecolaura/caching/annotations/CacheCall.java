package com.ecolaura.caching.annotations;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKeyInvocationContext;

/** One call of a cached method as the specification shows it to key generators and cache resolvers. */
final class CacheCall implements CacheKeyInvocationContext<Annotation> {

    private final CachedMethod cached;
    private final Object target;
    private final Object[] parameters;

    CacheCall(CachedMethod cached, Object target, Object[] parameters) {
        this.cached = cached;
        this.target = target;
        this.parameters = parameters;
    }

    @Override
    public CacheInvocationParameter[] getKeyParameters() {
        return Arrays.stream(cached.keyPositions).mapToObj(this::parameter).toArray(CacheInvocationParameter[]::new);
    }

    @Override
    public CacheInvocationParameter getValueParameter() {
        return cached.valuePosition < 0 ? null : parameter(cached.valuePosition);
    }

    @Override
    public Object getTarget() {
        return target;
    }

    @Override
    public CacheInvocationParameter[] getAllParameters() {
        return IntStream.range(0, parameters.length).mapToObj(this::parameter).toArray(CacheInvocationParameter[]::new);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("a cache call unwraps to nothing, not to " + type.getName());
    }

    @Override
    public Method getMethod() {
        return cached.getMethod();
    }

    @Override
    public Set<Annotation> getAnnotations() {
        return cached.getAnnotations();
    }

    @Override
    public Annotation getCacheAnnotation() {
        return cached.getCacheAnnotation();
    }

    @Override
    public String getCacheName() {
        return cached.getCacheName();
    }

    private CacheInvocationParameter parameter(int position) {
        Method method = cached.getMethod();
        return new Parameter(
                method.getParameterTypes()[position],
                parameters[position],
                Set.of(method.getParameterAnnotations()[position]),
                position);
    }

    private record Parameter(Class<?> rawType, Object value, Set<Annotation> annotations, int position)
            implements CacheInvocationParameter {

        @Override
        public Class<?> getRawType() {
            return rawType;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public Set<Annotation> getAnnotations() {
            return annotations;
        }

        @Override
        public int getParameterPosition() {
            return position;
        }
    }
}
