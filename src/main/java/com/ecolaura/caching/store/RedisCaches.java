package com.ecolaura.caching.store;

import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.caching.policy.EntryTtl;
import com.ecolaura.redis.control.SharedRedis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import org.redisson.jcache.JCachingProvider;
import org.redisson.jcache.configuration.RedissonConfiguration;

/**
 * The JCache caches, created through Redisson's JSR-107 provider on the shared client. A cache is
 * created on first use; each put sets its entry's own TTL ({@link EntryTtl}), the cache's TTL
 * being the fallback.
 */
@ApplicationScoped
public class RedisCaches {

    private static final System.Logger LOG = System.getLogger(RedisCaches.class.getName());

    private final Map<String, Cache<String, Object>> open = new ConcurrentHashMap<>();
    private CacheManager cacheManager;

    @PostConstruct
    void connect() {
        ClassLoader loader = getClass().getClassLoader();
        var provider = Caching.getCachingProvider(JCachingProvider.class.getName(), loader);
        cacheManager = provider.getCacheManager(provider.getDefaultURI(), loader);
    }

    public Cache<String, Object> cache(String name) {
        return open.computeIfAbsent(name, this::create);
    }

    private Cache<String, Object> create(String name) {
        Cache<String, Object> existing = cacheManager.getCache(name, String.class, Object.class);
        if (existing != null) {
            return existing;
        }
        var policy = CachePolicies.of(name);
        var jcache = new MutableConfiguration<String, Object>()
                .setTypes(String.class, Object.class)
                .setStoreByValue(true)
                // JCache statistics and management MXBeans, for JMX consoles
                .setStatisticsEnabled(true)
                .setManagementEnabled(true)
                .setExpiryPolicyFactory(FactoryBuilder.factoryOf(new EntryTtl(policy.ttl())));
        LOG.log(Level.INFO, "cache {0}: Redis hash ''{0}'', TTL {1}", name, policy.ttl());
        return cacheManager.createCache(name, RedissonConfiguration.fromInstance(SharedRedis.client(), jcache));
    }
}
