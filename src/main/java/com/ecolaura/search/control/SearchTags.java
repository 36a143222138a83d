package com.ecolaura.search.control;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.caching.store.CacheAccess;
import com.ecolaura.caching.store.NearCache;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.Settings;
import com.ecolaura.redis.control.SharedRedis;
import com.ecolaura.search.entity.SearchPage;
import com.ecolaura.search.entity.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.redisson.client.codec.StringCodec;

/**
 * Which cached search pages hold which product, so that a change only a result tile shows (stock)
 * evicts exactly those pages: {@code ecolaura:search-tags:{search-results}:product:42} holds query
 * families, {@code …:family:<query>} the cached pages of a family. All of them share the search
 * cache's hash tag: on a Redis Cluster the families of a product are read in one SUNION and
 * deleted in one DEL, on the node that holds the pages. A family is a query
 * without its paging, since a change inside one page of results can shift the others.
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

    @Inject
    CacheAccess cache;

    @Inject
    NearCache near;

    /** The generation as last read, and the search near cache's invalidation count it was read at. */
    private record KnownGeneration(long nearVersion, long generation) {}

    private volatile KnownGeneration known;

    /**
     * The current catalog generation; -1 when Redis cannot say (the search cache is then unusable
     * anyway). Read from Redis once, then again only after an invalidation of the search near cache,
     * which every bump publishes to all instances: a search costs no Redis call for it.
     */
    public long generation() {
        if (!Settings.cachingEnabled()) {
            return 0; // nothing is cached, so no page of an older generation can be served
        }
        long nearVersion = near.version(CacheNames.SEARCH_RESULTS);
        var last = known;
        if (nearVersion != NearCache.NO_TIER && last != null && last.nearVersion() == nearVersion) {
            return last.generation();
        }
        if (RedisCircuit.isOpen()) {
            return -1;
        }
        try {
            long generation = SharedRedis.client().getAtomicLong(GENERATION).get();
            known = new KnownGeneration(nearVersion, generation);
            return generation;
        } catch (RuntimeException e) {
            RedisFailures.record("get", GENERATION, e);
            return -1;
        }
    }

    public void bumpGeneration() {
        if (RedisCircuit.isOpen()) {
            cache.clear(CacheNames.SEARCH_RESULTS); // kept for replay: no page from before is read meanwhile
            return;
        }
        try {
            SharedRedis.client().getAtomicLong(GENERATION).incrementAndGet();
        } catch (RuntimeException e) {
            RedisFailures.record("incr", GENERATION, e);
            cache.clear(CacheNames.SEARCH_RESULTS);
        }
        // earlier pages are out of reach everywhere, and every instance re-reads the generation
        near.invalidateAll(CacheNames.SEARCH_RESULTS);
    }

    /** Tags a page just computed with the products it holds. */
    public void record(SearchQuery query, SearchPage page) {
        if (!Settings.cachingEnabled() || RedisCircuit.isOpen()) {
            return;
        }
        try {
            var policy = CachePolicies.of(CacheNames.SEARCH_RESULTS);
            Duration lifetime = policy.ttl().multipliedBy(2).plus(policy.staleWhileRevalidate());
            var batch = SharedRedis.client().createBatch();
            String family = FAMILY_TAGS + query.familyKey();
            batch.getSet(family, StringCodec.INSTANCE).addAsync(query.cacheKey());
            batch.getSet(family, StringCodec.INSTANCE).expireAsync(lifetime);
            for (var item : page.items()) {
                String tag = PRODUCT_TAGS + item.id();
                batch.getSet(tag, StringCodec.INSTANCE).addAsync(query.familyKey());
                batch.getSet(tag, StringCodec.INSTANCE).expireAsync(lifetime);
            }
            batch.execute();
        } catch (RuntimeException e) {
            RedisFailures.record("tag", CacheNames.SEARCH_RESULTS, e);
        }
    }

    /** Evicts every cached page of every query family that held the product. */
    public void evictPagesHolding(long productId) {
        if (RedisCircuit.isOpen()) {
            cache.clear(CacheNames.SEARCH_RESULTS); // which pages held it is unknown now
            return;
        }
        try {
            var client = SharedRedis.client();
            String tag = PRODUCT_TAGS + productId;
            var families = client.<String>getSet(tag, StringCodec.INSTANCE).readAll().stream()
                    .map(family -> FAMILY_TAGS + family)
                    .toList();
            if (!families.isEmpty()) {
                var others = families.subList(1, families.size()).toArray(String[]::new);
                var pages = client.<String>getSet(families.get(0), StringCodec.INSTANCE)
                        .readUnion(others);
                pages.forEach(page -> cache.remove(CacheNames.SEARCH_RESULTS, page));
            }
            var keys = new java.util.ArrayList<>(families);
            keys.add(tag);
            client.getKeys().delete(keys.toArray(String[]::new));
        } catch (RuntimeException e) {
            RedisFailures.record("evict-tagged", CacheNames.SEARCH_RESULTS, e);
            cache.clear(CacheNames.SEARCH_RESULTS);
        }
    }
}
