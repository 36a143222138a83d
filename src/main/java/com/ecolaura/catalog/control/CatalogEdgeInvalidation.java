package com.ecolaura.catalog.control;

import com.ecolaura.caching.edge.EdgePurges;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.ProductChanged;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;

/**
 * After a product change commits, and after the shop's own caches were invalidated (a later
 * priority: an edge fetch made between the two would store the old value again), the edge's copies
 * of what showed the product; all search pages when the change can alter what searches find.
 */
@ApplicationScoped
public class CatalogEdgeInvalidation {

    @Inject
    EdgePurges purges;

    void afterCommit(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION + 1000)
                    ProductChanged change) {
        var keys = new ArrayList<>(List.of(SurrogateKeys.product(change.productId())));
        if (change.matchingChanged()) {
            keys.add(CacheNames.SEARCH_RESULTS);
        }
        purges.purge(keys);
    }
}
