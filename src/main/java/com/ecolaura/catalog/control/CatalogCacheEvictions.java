package com.ecolaura.catalog.control;

import com.ecolaura.caching.control.CacheNames;
import jakarta.enterprise.context.ApplicationScoped;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;

/** The cache entries a product change makes stale. The JSR-107 interceptors do the evicting. */
@ApplicationScoped
public class CatalogCacheEvictions {

    @CacheRemove(cacheName = CacheNames.PRODUCTS)
    public void product(@CacheKey long productId) {
        // evicted by the @CacheRemove interceptor
    }

    @CacheRemove(cacheName = CacheNames.SUSTAINABILITY_SCORES)
    public void score(@CacheKey long productId) {
        // evicted by the @CacheRemove interceptor
    }

    @CacheRemoveAll(cacheName = CacheNames.SEARCH_RESULTS)
    public void searchResults() {
        // cleared by the @CacheRemoveAll interceptor
    }

    @CacheRemoveAll(cacheName = CacheNames.TRENDING)
    public void trending() {
        // cleared by the @CacheRemoveAll interceptor
    }
}
