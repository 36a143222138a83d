package com.ecolaura.trending.control;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.ProductChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import javax.cache.annotation.CacheRemoveAll;

/** After a product change commits, clears the trending lists if they show that product. */
@ApplicationScoped
public class TrendingInvalidation {

    @Inject
    TrendingMembers members;

    @Inject
    TrendingInvalidation self;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged change) {
        if (members.contains(change.productId())) {
            self.clearTrending();
        }
    }

    @CacheRemoveAll(cacheName = CacheNames.TRENDING)
    public void clearTrending() {
        members.forget();
    }
}
