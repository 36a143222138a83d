package com.ecolaura.catalog.control;

import com.ecolaura.caching.policy.CacheNames;
import jakarta.enterprise.context.ApplicationScoped;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheRemove;

/** The catalog's cache entries a product change makes stale. The JSR-107 interceptors do the evicting. */
@ApplicationScoped
public class CatalogCacheEvictions {

    @CacheRemove(cacheName = CacheNames.PRODUCTS)
    public void product(@CacheKey long productId) {
        // evicted by the @CacheRemove interceptor
    }

    /** Every write changes the offer's version, if not its price or stock. */
    @CacheRemove(cacheName = CacheNames.PRODUCT_OFFERS)
    public void offer(@CacheKey long productId) {
        // evicted by the @CacheRemove interceptor
    }

    /** Only when a stable field changed: a price or stock change leaves the details cached. */
    @CacheRemove(cacheName = CacheNames.PRODUCT_DETAILS)
    public void details(@CacheKey long productId) {
        // evicted by the @CacheRemove interceptor
    }

    /** Scores are keyed by product version; a new version is never served an old score, this only frees memory. */
    @CacheRemove(cacheName = CacheNames.SUSTAINABILITY_SCORES)
    public void score(@CacheKey long productId, @CacheKey long productVersion) {
        // evicted by the @CacheRemove interceptor
    }
}
