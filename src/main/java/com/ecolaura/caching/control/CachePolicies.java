package com.ecolaura.caching.control;

import java.time.Duration;
import java.util.Map;

/**
 * The TTL of each cache: {@code ecolaura.cache.<name>.ttl} (ISO-8601, e.g. {@code PT1H}) or the
 * default below; caches not listed (JSR-107 default names) use {@code ecolaura.cache.default.ttl}.
 */
public final class CachePolicies {

    private static final Map<String, Duration> DEFAULT_TTLS = Map.of(
            CacheNames.PRODUCTS, Duration.ofHours(1),
            CacheNames.SUSTAINABILITY_SCORES, Duration.ofHours(1),
            CacheNames.PROFILES, Duration.ofMinutes(15),
            CacheNames.SEARCH_RESULTS, Duration.ofMinutes(5),
            CacheNames.TRENDING, Duration.ofMinutes(15));

    private static final Duration FALLBACK_TTL = Duration.ofMinutes(10);

    private CachePolicies() {}

    public static CachePolicy of(String cacheName) {
        Duration fallback =
                DEFAULT_TTLS.getOrDefault(cacheName, Settings.duration("ecolaura.cache.default.ttl", FALLBACK_TTL));
        Duration ttl = Settings.duration("ecolaura.cache." + cacheName + ".ttl", fallback);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ecolaura.cache." + cacheName + ".ttl must be positive: " + ttl);
        }
        return new CachePolicy(cacheName, ttl);
    }
}
