package com.ecolaura.caching.store;

import java.net.URI;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;

/**
 * Redisson's cache manager as beans see it: {@code getCache} finds a shop cache even before this
 * instance used it (it is opened with its policy, as the annotations would), and {@code close} is
 * left to the application's end, since every cache of the shop lives in this one manager.
 */
final class OpeningCacheManager implements CacheManager {

    private final CacheManager manager;
    private final RedisCaches caches;

    OpeningCacheManager(CacheManager manager, RedisCaches caches) {
        this.manager = manager;
        this.caches = caches;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String cacheName) {
        var opened = caches.cache(cacheName);
        return opened != null ? (Cache<K, V>) opened : manager.getCache(cacheName);
    }

    @Override
    public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
        caches.cache(cacheName);
        return manager.getCache(cacheName, keyType, valueType);
    }

    @Override
    public CachingProvider getCachingProvider() {
        return manager.getCachingProvider();
    }

    @Override
    public URI getURI() {
        return manager.getURI();
    }

    @Override
    public ClassLoader getClassLoader() {
        return manager.getClassLoader();
    }

    @Override
    public Properties getProperties() {
        return manager.getProperties();
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        return manager.createCache(cacheName, configuration);
    }

    @Override
    public Iterable<String> getCacheNames() {
        return manager.getCacheNames();
    }

    @Override
    public void destroyCache(String cacheName) {
        manager.destroyCache(cacheName);
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        manager.enableManagement(cacheName, enabled);
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        manager.enableStatistics(cacheName, enabled);
    }

    @Override
    public void close() {
        // the shop's caches end with the application, not with one of its beans
    }

    @Override
    public boolean isClosed() {
        return manager.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return manager.unwrap(type);
    }
}
