package com.ecolaura.caching.store;

import com.ecolaura.caching.codec.CacheValueCodec;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.redis.control.SharedRedis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.redisson.jcache.JCachingProvider;
import org.redisson.jcache.configuration.RedissonConfiguration;

/**
 * The JCache caches, created through Redisson's JSR-107 provider on the shared client, once per
 * cache. Our scripts ({@link EntryScripts}) read and write their Redis layout directly; the JCache
 * objects stay open because Redisson's own task deletes their expired entries, and because the
 * {@link CacheManager} is how other code reaches the same entries through the standard API (its
 * writes there reach the near caches through {@link JCacheWrites}).
 */
@ApplicationScoped
public class RedisCaches {

    private static final System.Logger LOG = System.getLogger(RedisCaches.class.getName());

    @Inject
    RedisGateway redis;

    @Inject
    CachePolicies policies;

    @Inject
    NearCache near;

    private final Map<String, Cache<Object, Object>> open = new ConcurrentHashMap<>();
    private CacheManager cacheManager;

    @PostConstruct
    void connect() {
        // keys readable, values typed JSON envelopes never decoded into arbitrary classes
        SharedRedis.defaultCodec(new CacheValueCodec());
        ClassLoader loader = getClass().getClassLoader();
        var provider = Caching.getCachingProvider(JCachingProvider.class.getName(), loader);
        cacheManager = provider.getCacheManager(provider.getDefaultURI(), loader);
    }

    /** Opens the cache the first time it is named; null while Redis cannot be reached (tried again next time). */
    public Cache<Object, Object> cache(String name) {
        var cache = open.get(name);
        return cache != null ? cache : opened(name);
    }

    /** Whether a cache (a resolver's pick, say) is one of this manager's, served by the shop's store. */
    public boolean isShopCache(Cache<?, ?> cache) {
        return cache.getCacheManager() == cacheManager;
    }

    /** One at a time: the cache manager refuses to create a cache twice. */
    private synchronized Cache<Object, Object> opened(String name) {
        var cache = open.get(name);
        if (cache == null) {
            cache = redis.call("open", name, client -> create(name, client), null);
            if (cache != null) {
                open.put(name, cache);
            }
        }
        return cache;
    }

    private Cache<Object, Object> create(String name, org.redisson.api.RedissonClient client) {
        Cache<Object, Object> existing = cacheManager.getCache(name);
        if (existing != null) {
            return existing;
        }
        var policy = policies.of(name);
        CacheMetrics.register(name);
        // any key and value type: beans read them as Cache<GeneratedCacheKey, V> (CacheValueCodec)
        var jcache = new MutableConfiguration<Object, Object>()
                .setStoreByValue(true)
                // JCache statistics and management MXBeans, for JMX consoles
                .setStatisticsEnabled(true)
                .setManagementEnabled(true)
                // for entries put through the JCache API; ours carry their own expiry
                .setExpiryPolicyFactory(FactoryBuilder.factoryOf(new CreatedExpiryPolicy(
                        new Duration(TimeUnit.MILLISECONDS, policy.ttl().toMillis()))));
        LOG.log(Level.INFO, "cache {0}: Redis hash ''{0}'', TTL {1}", name, policy.ttl());
        Cache<Object, Object> cache =
                cacheManager.createCache(name, RedissonConfiguration.fromInstance(client, jcache));
        cache.registerCacheEntryListener(JCacheWrites.listening(name, near));
        return cache;
    }

    /**
     * The JCache API's view of the caches, for beans that {@code @Inject CacheManager}: Redisson's
     * manager, whose {@code getCache} opens a cache the shop has not used yet on this instance.
     */
    @Produces
    @ApplicationScoped
    CacheManager cacheManager() {
        return new OpeningCacheManager(cacheManager, this);
    }
}
