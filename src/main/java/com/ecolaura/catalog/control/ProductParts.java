package com.ecolaura.catalog.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Work;
import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.ProductDetails;
import com.ecolaura.catalog.entity.ProductOffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;

/**
 * A product in two caches with their own lifetimes, for field-level reads: its stable details
 * (long-lived, evicted only when one of them changes) and its volatile offer (price and stock,
 * short-lived, evicted by every write). A price change leaves the details cached.
 */
@ApplicationScoped
public class ProductParts {

    @PersistenceContext
    EntityManager em;

    @CacheResult(cacheName = CacheNames.PRODUCT_DETAILS)
    @CacheFreshness(staleWhileRevalidate = "PT5M")
    @Transactional
    public ProductDetails details(@CacheKey long id) {
        CacheMetrics.work(Work.PRODUCT_DETAIL_LOADS);
        return ProductDetails.of(existing(id));
    }

    @CacheResult(cacheName = CacheNames.PRODUCT_OFFERS)
    @Transactional
    public ProductOffer offer(@CacheKey long id) {
        CacheMetrics.work(Work.PRODUCT_OFFER_LOADS);
        return ProductOffer.of(existing(id));
    }

    private Product existing(long id) {
        var product = em.find(Product.class, id);
        if (product == null) {
            throw new NotFoundException("product " + id + " does not exist");
        }
        return product;
    }
}
