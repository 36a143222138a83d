package com.ecolaura.jsr107;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;

/** A CDI cache resolver factory: each call caches in the cache of the region its first parameter names. */
@ApplicationScoped
public class PerRegionCaches implements CacheResolverFactory {

    @Inject
    CacheManager caches;

    @Override
    public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> method) {
        return new CacheResolver() {
            @Override
            public <K, V> javax.cache.Cache<K, V> resolveCache(
                    javax.cache.annotation.CacheInvocationContext<? extends Annotation> call) {
                return caches.getCache(method.getCacheName() + "-" + call.getAllParameters()[0].getValue());
            }
        };
    }

    @Override
    public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> method) {
        return getCacheResolver(method);
    }
}
