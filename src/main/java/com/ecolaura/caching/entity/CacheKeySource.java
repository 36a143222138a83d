package com.ecolaura.caching.entity;

/**
 * A parameter type that names itself in a cache key, canonically: two values that must share a
 * cache entry give the same string, and two that must not, different strings.
 */
public interface CacheKeySource {

    String cacheKey();
}
