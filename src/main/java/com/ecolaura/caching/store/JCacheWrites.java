package com.ecolaura.caching.store;

import com.ecolaura.caching.codec.CacheKeys;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * Entries written or removed through the JCache API (a bean's {@code cache.put}, not the shop's
 * scripts) leave every instance's near cache: Redisson publishes the JCache events to all
 * instances that listen, and each drops the key here.
 */
final class JCacheWrites
        implements CacheEntryCreatedListener<Object, Object>,
                CacheEntryUpdatedListener<Object, Object>,
                CacheEntryRemovedListener<Object, Object> {

    private final String cacheName;
    private final transient NearCache near;

    private JCacheWrites(String cacheName, NearCache near) {
        this.cacheName = cacheName;
        this.near = near;
    }

    static CacheEntryListenerConfiguration<Object, Object> listening(String cacheName, NearCache near) {
        var listener = new JCacheWrites(cacheName, near);
        Factory<JCacheWrites> factory = () -> listener;
        return new MutableCacheEntryListenerConfiguration<>(factory, null, false, false);
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends Object, ? extends Object>> events) {
        drop(events);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends Object, ? extends Object>> events) {
        drop(events);
    }

    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends Object, ? extends Object>> events) {
        drop(events);
    }

    private void drop(Iterable<CacheEntryEvent<? extends Object, ? extends Object>> events) {
        for (var event : events) {
            near.drop(cacheName, CacheKeys.encode(event.getKey()));
        }
    }
}
