package com.ecolaura.search.control;

import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.ProductSummary;
import com.ecolaura.search.entity.SearchPage;
import com.ecolaura.search.entity.SearchQuery;
import com.ecolaura.search.entity.SearchSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import javax.cache.annotation.CacheResult;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Text search over name, description, brand and materials, on the database (a scan with
 * {@code like}: what the {@code search-results} cache saves is real work).
 */
@ApplicationScoped
public class ProductSearch {

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchTags tags;

    @Inject
    @Metric(
            name = "ecolaura.search.executions",
            absolute = true,
            description = "Searches run on the database (misses of the search-results cache)")
    Counter executions;

    /** Created at start, so that its metrics are exported (as 0) before the first request. */
    void exportMetricsAtStart(@Observes Startup startup) {
        // creating the bean registers its @Metric counters
    }

    @CacheResult(cacheName = CacheNames.SEARCH_RESULTS)
    @CacheFreshness(staleWhileRevalidate = "PT1M")
    @Transactional
    public SearchPage search(SearchQuery query) {
        executions.inc();
        var where = new StringBuilder(" where 1 = 1");
        var parameters = new HashMap<String, Object>();
        if (!query.text().isEmpty()) {
            where.append(
                    " and (lower(p.name) like :text escape '!' or lower(p.description) like :text escape '!'"
                            + " or lower(p.brand) like :text escape '!'"
                            + " or exists (select 1 from Product q join q.materials m where q = p and lower(m) like :text escape '!'))");
            parameters.put("text", "%" + likeEscaped(query.text()) + "%");
        }
        if (query.category() != null) {
            where.append(" and p.category.slug = :category");
            parameters.put("category", query.category());
        }
        if (query.minScore() != null) {
            where.append(" and p.ecoScore >= :minScore");
            parameters.put("minScore", query.minScore());
        }
        var count = em.createQuery("select count(p) from Product p" + where, Long.class);
        var items = em.createQuery(
                        "select p from Product p join fetch p.category" + where + orderBy(query), Product.class)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size())
                // the page is cached whole: copying its 20 products into the second-level cache
                // one by one would cost 40 Redis calls per search for entries nobody reads
                .setHint("jakarta.persistence.cache.storeMode", CacheStoreMode.BYPASS);
        bind(count, parameters);
        bind(items, parameters);
        var page = new SearchPage(
                query.text(),
                count.getSingleResult(),
                query.page(),
                query.size(),
                items.getResultList().stream().map(ProductSummary::of).toList());
        tags.record(query, page);
        return page;
    }

    private static String orderBy(SearchQuery query) {
        return switch (query.sort()) {
            case RELEVANCE ->
                orderNeedsText(query)
                        ? " order by case when lower(p.name) like :text escape '!' then 0 else 1 end, p.ecoScore desc, p.id"
                        : " order by p.ecoScore desc, p.id";
            case NAME -> " order by p.name, p.id";
            case PRICE_ASC -> " order by p.price, p.id";
            case PRICE_DESC -> " order by p.price desc, p.id";
            case SCORE -> " order by p.ecoScore desc, p.id";
            // by creation, so that updating a product does not reorder every "newest" search
            case NEWEST -> " order by p.id desc";
        };
    }

    private static boolean orderNeedsText(SearchQuery query) {
        return query.sort() == SearchSort.RELEVANCE && !query.text().isEmpty();
    }

    private static void bind(TypedQuery<?> query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
