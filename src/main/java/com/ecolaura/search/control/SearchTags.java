package com.ecolaura.search.control;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.caching.store.CacheStore;
import com.ecolaura.caching.store.CacheUpdates;
import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.search.entity.SearchPage;
import com.ecolaura.search.entity.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Which cached search pages hold which product, so that a change only a result tile shows (stock)
 * evicts exactly those pages: {@code ecolaura:search-tags:{search-results}:product:42} holds query
 * families, {@code …:family:<query>} the cached pages of a family; each expires with the longest-lived
 * page it can name. All of them share the search cache's hash tag: on a Redis Cluster the families
 * of a product are read in one SUNION and deleted in one DEL, on the node that holds the pages. A
 * family is a query without its paging, since a change inside one page of results can shift the others.
 *
 * <p>Changes that decide what a search finds, or in what order, cannot be traced this way (a
 * product can move onto a page that never held it); they bump the catalog generation, which is
 * part of every search key, so every earlier search entry is out of reach at once.
 */
@ApplicationScoped
public class SearchTags {

    static final String GENERATION = "ecolaura:catalog:generation";
    private static final String TAGS = CacheNames.companion("search-tags", CacheNames.SEARCH_RESULTS);
    private static final String PRODUCT_TAGS = TAGS + ":product:";
    private static final String FAMILY_TAGS = TAGS + ":family:";
    private static final String TARGET = "search-tags";

    @Inject
    CacheStore cache;

    @Inject
    CacheUpdates updates;

    @Inject
    CachePolicies policies;

    @Inject
    RedisGateway redis;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    /** The generation as last read, and the search near cache's invalidation count it was read at. */
    private record KnownGeneration(long nearVersion, long generation) {}

    private volatile KnownGeneration known;

    /**
     * The current catalog generation; -1 when Redis cannot say (the search cache is then unusable
     * anyway). Read from Redis once, then again only after an invalidation of the search near cache,
     * which every bump publishes to all instances: a search costs no Redis call for it.
     */
    public long generation() {
        if (!enabled) {
            return 0; // nothing is cached, so no page of an older generation can be served
        }
        long nearVersion = cache.nearVersion(CacheNames.SEARCH_RESULTS);
        var last = known;
        if (nearVersion != CacheStore.NO_NEAR_CACHE && last != null && last.nearVersion() == nearVersion) {
            return last.generation();
        }
        long generation = redis.call(
                "get", TARGET, client -> client.getAtomicLong(GENERATION).get(), -1L);
        if (generation >= 0) {
            known = new KnownGeneration(nearVersion, generation);
        }
        return generation;
    }

    public void bumpGeneration() {
        if (!redis.run(
                "incr", TARGET, client -> client.getAtomicLong(GENERATION).incrementAndGet())) {
            updates.clear(CacheNames.SEARCH_RESULTS); // kept for replay: no page from before is read meanwhile
        }
        // earlier pages are out of reach everywhere, and every instance re-reads the generation
        updates.dropNear(CacheNames.SEARCH_RESULTS);
    }

    /** Tags a page just computed with the products it holds. */
    public void record(SearchQuery query, SearchPage page) {
        if (!enabled) {
            return;
        }
        var policy = policies.of(CacheNames.SEARCH_RESULTS);
        Duration lifetime = policy.lifetime();
        redis.run("tag", TARGET, client -> {
            var batch = client.createBatch();
            String family = FAMILY_TAGS + query.familyKey();
            batch.getSet(family, StringCodec.INSTANCE).addAsync(query.cacheKey());
            batch.getSet(family, StringCodec.INSTANCE).expireAsync(lifetime);
            for (var item : page.items()) {
                String tag = PRODUCT_TAGS + item.id();
                batch.getSet(tag, StringCodec.INSTANCE).addAsync(query.familyKey());
                batch.getSet(tag, StringCodec.INSTANCE).expireAsync(lifetime);
            }
            batch.execute();
        });
    }

    /** Evicts every cached page of every query family that held the product. */
    public void evictPagesHolding(long productId) {
        var pages = redis.call("evict-tagged", TARGET, client -> taggedPages(client, productId), null);
        if (pages == null) {
            updates.clear(CacheNames.SEARCH_RESULTS); // which pages held it is unknown now
            return;
        }
        pages.forEach(page -> updates.remove(CacheNames.SEARCH_RESULTS, page));
    }

    /** The pages of every family that held the product; its tags are deleted with them. */
    private static List<String> taggedPages(RedissonClient client, long productId) {
        String tag = PRODUCT_TAGS + productId;
        var families = client.<String>getSet(tag, StringCodec.INSTANCE).readAll().stream()
                .map(family -> FAMILY_TAGS + family)
                .toList();
        var pages = new ArrayList<String>();
        if (!families.isEmpty()) {
            var others = families.subList(1, families.size()).toArray(String[]::new);
            pages.addAll(
                    client.<String>getSet(families.get(0), StringCodec.INSTANCE).readUnion(others));
        }
        var keys = new ArrayList<>(families);
        keys.add(tag);
        client.getKeys().delete(keys.toArray(String[]::new));
        return pages;
    }
}
