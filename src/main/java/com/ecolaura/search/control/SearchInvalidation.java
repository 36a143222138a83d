package com.ecolaura.search.control;

import com.ecolaura.catalog.entity.ProductChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** After a product change commits: a new catalog generation, or only the pages that held the product. */
@ApplicationScoped
public class SearchInvalidation {

    @Inject
    SearchTags tags;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged change) {
        if (change.matchingChanged()) {
            tags.bumpGeneration();
        } else {
            tags.evictPagesHolding(change.productId());
        }
    }
}
