package com.ecolaura.trending.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Work;
import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.ProductSummary;
import com.ecolaura.trending.entity.TrendingList;
import com.ecolaura.trending.entity.TrendingProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.cache.annotation.CacheResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Ranks products by their views within {@code ecolaura.trending.window} (24 h by default). */
@ApplicationScoped
public class TrendingProducts {

    @PersistenceContext
    EntityManager em;

    @Inject
    TrendingMembers members;

    @Inject
    @ConfigProperty(name = "ecolaura.trending.window", defaultValue = "PT24H")
    Duration window;

    @CacheResult(cacheName = CacheNames.TRENDING)
    @CacheFreshness(staleWhileRevalidate = "PT5M")
    @Transactional
    public TrendingList top(int limit) {
        CacheMetrics.work(Work.TRENDING_COMPUTATIONS);
        Instant now = Instant.now();
        List<Object[]> ranked = em.createQuery(
                        "select v.productId, sum(v.views) from ProductViewCount v"
                                + " where v.hourStart >= :since group by v.productId order by sum(v.views) desc, v.productId",
                        Object[].class)
                .setParameter("since", now.minus(window))
                .setMaxResults(limit * 2)
                .getResultList();
        if (ranked.isEmpty()) {
            return new TrendingList(window, now, List.of());
        }
        Map<Long, Product> products = em.createQuery(
                        "select p from Product p join fetch p.category where p.id in :ids", Product.class)
                .setParameter("ids", ranked.stream().map(row -> (Long) row[0]).toList())
                .getResultStream()
                .collect(Collectors.toMap(Product::getId, Function.identity()));
        var items = new ArrayList<TrendingProduct>();
        for (Object[] row : ranked) {
            Product product = products.get((Long) row[0]);
            if (product != null && items.size() < limit) {
                items.add(new TrendingProduct(
                        items.size() + 1, ((Number) row[1]).longValue(), ProductSummary.of(product)));
            }
        }
        var list = new TrendingList(window, now, items);
        members.record(list);
        return list;
    }
}
