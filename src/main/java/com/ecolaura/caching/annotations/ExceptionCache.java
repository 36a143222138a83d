package com.ecolaura.caching.annotations;

import com.ecolaura.caching.codec.CacheJson;
import com.ecolaura.caching.policy.CachePolicy;
import com.fasterxml.jackson.databind.JavaType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import javax.cache.annotation.CacheResult;

/**
 * {@code @CacheResult(exceptionCacheName = …)}: the exceptions a method threw, cached under the call's
 * key so that the next call throws again without running. An exception is kept as its class name
 * and message only, and comes back only as a class the method allows: one of its
 * {@code cachedExceptions} (not a {@code nonCachedExceptions}), or, when it lists none, an unchecked
 * exception or one its {@code throws} clause declares; it is made by its {@code (String)}
 * constructor. No class is even initialised before it passed that check, and no other data is
 * deserialised (docs/security.md).
 */
final class ExceptionCache {

    static final JavaType FAILURE = CacheJson.MAPPER.constructType(CachedFailure.class);

    final CachePolicy policy;
    private final Method method;
    private final Class<? extends Throwable>[] cached;
    private final Class<? extends Throwable>[] notCached;

    ExceptionCache(Method method, CacheResult annotation, CachePolicy policy) {
        this.method = method;
        this.policy = policy;
        this.cached = annotation.cachedExceptions();
        this.notCached = annotation.nonCachedExceptions();
    }

    /** Whether a thrown exception is cached: with both lists empty every exception is. */
    boolean caches(Throwable thrown) {
        return allowed(thrown.getClass());
    }

    /** The exception a cached failure stands for, if its class is allowed here and can be made. */
    Optional<Exception> rebuilt(CachedFailure failure) {
        try {
            var type = Class.forName(
                    failure.type(), false, method.getDeclaringClass().getClassLoader());
            if (!Exception.class.isAssignableFrom(type) || !allowed(type)) {
                return Optional.empty();
            }
            var constructor = type.asSubclass(Exception.class).getConstructor(String.class);
            return Optional.of(constructor.newInstance(failure.message()));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    private boolean allowed(Class<?> type) {
        if (Arrays.stream(notCached).anyMatch(excluded -> excluded.isAssignableFrom(type))) {
            return false;
        }
        if (cached.length > 0) {
            return Arrays.stream(cached).anyMatch(included -> included.isAssignableFrom(type));
        }
        return RuntimeException.class.isAssignableFrom(type)
                || Arrays.stream(method.getExceptionTypes()).anyMatch(declared -> declared.isAssignableFrom(type));
    }

    /** What is kept of an exception. */
    public record CachedFailure(String type, String message) {

        static CachedFailure of(Throwable thrown) {
            return new CachedFailure(thrown.getClass().getName(), thrown.getMessage());
        }
    }
}
