package com.ecolaura.admin.control;

import com.ecolaura.admin.entity.CacheStatus;
import com.ecolaura.caching.edge.EdgePurges;
import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.RedisMetrics;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.caching.store.CacheUpdates;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.SustainabilityScorer;
import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.redis.control.RedisInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.hibernate.SessionFactory;
import org.redisson.api.RedissonClient;

/** What an operator can see and do with the caches: status, clear, evict one key, evict a region, warm. */
@ApplicationScoped
public class CacheAdministration {

    /** Keys that belong to a cache besides its hash, cleared with it (by SCAN, never KEYS). */
    private static final Map<String, List<String>> COMPANION_PATTERNS = Map.of(
            CacheNames.SEARCH_RESULTS, List.of("ecolaura:search-tags:*"),
            CacheNames.TRENDING, List.of("ecolaura:trending:members"));

    @Inject
    CacheUpdates cache;

    @Inject
    EdgePurges edge;

    @Inject
    CachePolicies policies;

    @Inject
    RedisGateway redis;

    @Inject
    ProductCatalog catalog;

    @Inject
    SustainabilityScorer scorer;

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    public List<CacheStatus> caches() {
        return CacheNames.ALL.stream().map(this::status).toList();
    }

    public CacheStatus status(String name) {
        known(name);
        var policy = policies.of(name);
        long entries = known(RedisMetrics.entries(name));
        long memory = known(RedisMetrics.memory(name));
        long hits = CacheMetrics.value(CacheCounter.HITS, name);
        long stale = CacheMetrics.value(CacheCounter.STALE_HITS, name);
        long misses = CacheMetrics.value(CacheCounter.MISSES, name);
        long total = hits + stale + misses;
        return new CacheStatus(
                name,
                policy.ttl().toSeconds(),
                policy.staleWhileRevalidate().toSeconds(),
                policy.ttlJitter(),
                policy.earlyRefreshBeta(),
                entries,
                memory,
                hits,
                stale,
                misses,
                CacheMetrics.value(CacheCounter.ERRORS, name),
                CacheMetrics.value(CacheCounter.LOADS, name),
                total == 0 ? 0 : (hits + stale) / (double) total,
                getP99Millis(name));
    }

    /**
     * Empties a cache: its hash (one DEL) and its companion keys, found by SCAN, and the edge's copies
     * of its answers. Returns keys removed.
     */
    public long clear(String name) {
        known(name);
        cache.clear(name);
        edge.purge(List.of(name));
        long companions = 0;
        for (String pattern : COMPANION_PATTERNS.getOrDefault(name, List.of())) {
            companions += redis.call("clear", name, client -> deleteMatching(client, pattern), 0L);
        }
        return companions;
    }

    /** Deletes the keys a pattern matches, 200 at a time, found by SCAN. */
    private static long deleteMatching(RedissonClient client, String pattern) {
        var keys = client.getKeys();
        var batch = new ArrayList<String>();
        long deleted = 0;
        for (String key : (Iterable<String>) keys.getKeysStreamByPattern(pattern, 200)::iterator) {
            batch.add(key);
            if (batch.size() == 200) {
                deleted += keys.delete(batch.toArray(String[]::new));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            deleted += keys.delete(batch.toArray(String[]::new));
        }
        return deleted;
    }

    public void evict(String name, String key) {
        known(name);
        cache.remove(name, key);
    }

    public List<String> regions() {
        return List.of(emf.unwrap(SessionFactory.class).getStatistics().getSecondLevelCacheRegionNames());
    }

    public void evictRegion(String region) {
        if (!regions().contains(region)) {
            throw new NotFoundException("no second-level cache region " + region);
        }
        emf.unwrap(org.hibernate.Cache.class).evictRegion(region);
    }

    /** Loads the first {@code limit} products (by id) into the products or sustainability-scores cache. */
    public int warm(String name, int limit) {
        known(name);
        if (!CacheNames.PRODUCTS.equals(name) && !CacheNames.SUSTAINABILITY_SCORES.equals(name)) {
            throw new BadRequestException("only products and sustainability-scores can be warmed");
        }
        var ids = emf.createEntityManager()
                .createQuery("select p.id from Product p order by p.id", Long.class)
                .setMaxResults(limit)
                .getResultList();
        for (long id : ids) {
            var product = catalog.find(id);
            if (CacheNames.SUSTAINABILITY_SCORES.equals(name)) {
                scorer.score(id, product.version());
            }
        }
        return ids.size();
    }

    /** The 99th percentile of reads of the cache; MicroProfile timers record nanoseconds. */
    private double getP99Millis(String cache) {
        Timer timer = metrics.getTimers().get(new MetricID("ecolaura.cache.get", new Tag("cache", cache)));
        if (timer == null || timer.getCount() == 0) {
            return 0;
        }
        var snapshot = timer.getSnapshot();
        for (var percentile : snapshot.percentileValues()) {
            if (Math.abs(percentile.getPercentile() - 0.99) < 1e-6) {
                return percentile.getValue() / 1e6;
            }
        }
        return snapshot.getMax() / 1e6;
    }

    /** Redis's state as the dashboard shows it. */
    public Map<String, Object> redis() {
        var info = RedisInfo.current();
        var facts = new LinkedHashMap<String, String>();
        facts.put("used memory", Math.round(info.get("used_memory") / 1024) + " KiB");
        facts.put("maxmemory", info.get("maxmemory") == 0 ? "none" : Math.round(info.get("maxmemory") / 1024) + " KiB");
        facts.put("evicted keys", Long.toString(Math.round(info.get("evicted_keys"))));
        facts.put("expired keys", Long.toString(Math.round(info.get("expired_keys"))));
        facts.put("keyspace hits", Long.toString(Math.round(info.get("keyspace_hits"))));
        facts.put("keyspace misses", Long.toString(Math.round(info.get("keyspace_misses"))));
        facts.put("clients", Long.toString(Math.round(info.get("connected_clients"))));
        facts.put("ops/s", Long.toString(Math.round(info.get("instantaneous_ops_per_sec"))));
        facts.put("ping", String.format(java.util.Locale.ROOT, "%.2f ms", info.pingSeconds() * 1000));
        return Map.of("up", info.up(), "facts", facts);
    }

    private static void known(String name) {
        if (!CacheNames.ALL.contains(name)) {
            throw new NotFoundException("no cache " + name + "; caches: " + String.join(", ", CacheNames.ALL));
        }
    }

    /** -1 where Redis could not say. */
    private static long known(double value) {
        return Double.isNaN(value) ? -1 : (long) value;
    }
}
