package com.ecolaura.catalog.control;

import com.ecolaura.catalog.entity.ProductChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Evicts after the writing transaction commits, never before: evicting earlier would let a
 * concurrent reader cache the old row again, and a rollback must evict nothing. Search and trending
 * observe the same event for their own caches.
 */
@ApplicationScoped
public class CatalogCacheInvalidation {

    @Inject
    CatalogCacheEvictions evict;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged change) {
        evict.product(change.productId());
        evict.offer(change.productId());
        if (change.detailsChanged()) {
            evict.details(change.productId());
        }
        if (change.previousVersion() >= 0) {
            evict.score(change.productId(), change.previousVersion());
        }
    }
}
