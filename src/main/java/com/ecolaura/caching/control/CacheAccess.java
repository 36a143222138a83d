package com.ecolaura.caching.control;

import com.fasterxml.jackson.databind.JavaType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Every cache call the application makes, fail-open: when Redis fails, a read is a miss and a
 * write or eviction is skipped, and the request goes on from the database.
 */
@ApplicationScoped
public class CacheAccess {

    @Inject
    RedisCaches caches;

    public Optional<Object> get(String cacheName, String key, JavaType type) {
        Object stored;
        try {
            stored = caches.cache(cacheName).get(key);
        } catch (RuntimeException e) {
            RedisFailures.record("get", cacheName, e);
            return Optional.empty();
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(((StoredValue) stored).as(type));
        } catch (RejectedEntryException e) {
            RejectedEntries.record(cacheName, key, e);
            remove(cacheName, key);
            return Optional.empty();
        }
    }

    public void put(String cacheName, String key, Object value) {
        if (value == null) {
            return;
        }
        try {
            caches.cache(cacheName).put(key, value);
        } catch (RuntimeException e) {
            RedisFailures.record("put", cacheName, e);
        }
    }

    public void remove(String cacheName, String key) {
        try {
            caches.cache(cacheName).remove(key);
        } catch (RuntimeException e) {
            RedisFailures.record("remove", cacheName, e);
        }
    }

    public void clear(String cacheName) {
        try {
            caches.cache(cacheName).clear();
        } catch (RuntimeException e) {
            RedisFailures.record("clear", cacheName, e);
        }
    }
}
