package com.ecolaura.search.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Work;
import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.ProductSummary;
import com.ecolaura.search.entity.SearchPage;
import com.ecolaura.search.entity.SearchQuery;
import com.ecolaura.search.entity.SearchSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import javax.cache.annotation.CacheResult;

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

    @CacheResult(cacheName = CacheNames.SEARCH_RESULTS)
    @CacheFreshness(staleWhileRevalidate = "PT1M")
    @Transactional
    public SearchPage search(SearchQuery query) {
        CacheMetrics.work(Work.SEARCH_EXECUTIONS);
        var where = new StringBuilder(" where 1 = 1");
        var parameters = new HashMap<String, Object>();
        if (!query.text().isEmpty()) {
            where.append(" and (lower(p.name) like :text escape '!' or lower(p.description) like :text escape '!'"
                    + " or lower(p.brand) like :text escape '!'"
                    + " or lower(p.materials) like :text escape '!')");
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
