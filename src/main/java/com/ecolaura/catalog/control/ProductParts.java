package com.ecolaura.catalog.control;

import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.ProductDetails;
import com.ecolaura.catalog.entity.ProductOffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * A product in two caches with their own lifetimes, for field-level reads: its stable details
 * (long-lived, evicted only when one of them changes) and its volatile offer (price and stock,
 * short-lived, evicted by every write). A price change leaves the details cached.
 */
@ApplicationScoped
public class ProductParts {

    @PersistenceContext
    EntityManager em;

    @Inject
    @Metric(
            name = "ecolaura.catalog.product.detail.loads",
            absolute = true,
            description = "Product details read from the database (misses of the product-details cache)")
    Counter detailLoads;

    @Inject
    @Metric(
            name = "ecolaura.catalog.product.offer.loads",
            absolute = true,
            description = "Product offers read from the database (misses of the product-offers cache)")
    Counter offerLoads;

    /** Created at start, so that its metrics are exported (as 0) before the first request. */
    void exportMetricsAtStart(@Observes Startup startup) {
        // creating the bean registers its @Metric counters
    }

    @CacheResult(cacheName = CacheNames.PRODUCT_DETAILS)
    @CacheFreshness(staleWhileRevalidate = "PT5M")
    @Transactional
    public ProductDetails details(@CacheKey long id) {
        detailLoads.inc();
        return ProductDetails.of(existing(id));
    }

    @CacheResult(cacheName = CacheNames.PRODUCT_OFFERS)
    @Transactional
    public ProductOffer offer(@CacheKey long id) {
        offerLoads.inc();
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
