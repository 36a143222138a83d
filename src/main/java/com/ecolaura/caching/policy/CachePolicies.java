package com.ecolaura.caching.policy;

import com.ecolaura.redis.control.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each cache's {@link CachePolicy}: {@code ecolaura.cache.<name>.ttl}, {@code .stale-while-revalidate},
 * {@code .ttl-jitter}, {@code .early-refresh-beta}, {@code .lock-wait}, {@code .lock-lease}; then the
 * method's {@link CacheFreshness}; then the defaults. Caches not listed (JSR-107 default names) use
 * {@code ecolaura.cache.default.ttl}.
 */
public final class CachePolicies {

    static final double DEFAULT_TTL_JITTER = 0.1;
    static final double DEFAULT_EARLY_REFRESH_BETA = 1.0;

    private static final Map<String, Duration> DEFAULT_TTLS = Map.of(
            CacheNames.PRODUCTS, Duration.ofHours(1),
            CacheNames.SUSTAINABILITY_SCORES, Duration.ofHours(1),
            CacheNames.PROFILES, Duration.ofMinutes(15),
            CacheNames.SEARCH_RESULTS, Duration.ofMinutes(5),
            CacheNames.TRENDING, Duration.ofMinutes(15),
            CacheNames.PRODUCT_DETAILS, Duration.ofHours(1),
            CacheNames.PRODUCT_OFFERS, Duration.ofMinutes(1));

    /** Near-cache sizes where a local copy pays: many reads per write, and values the same for everyone. */
    private static final Map<String, Integer> DEFAULT_NEAR_ENTRIES = Map.of(
            CacheNames.PRODUCTS, 10_000,
            CacheNames.SUSTAINABILITY_SCORES, 10_000,
            CacheNames.SEARCH_RESULTS, 2_000,
            CacheNames.TRENDING, 100,
            CacheNames.PRODUCT_DETAILS, 10_000,
            CacheNames.PRODUCT_OFFERS, 10_000);

    private static final Duration FALLBACK_TTL = Duration.ofMinutes(10);

    private CachePolicies() {}

    /** Resolved once per cache (configuration is fixed at start); a method's {@link CacheFreshness} wins over none. */
    private static final Map<String, CachePolicy> ANNOTATED = new ConcurrentHashMap<>();

    private static final Map<String, CachePolicy> PLAIN = new ConcurrentHashMap<>();

    public static CachePolicy of(String cacheName) {
        var annotated = ANNOTATED.get(cacheName);
        return annotated != null ? annotated : PLAIN.computeIfAbsent(cacheName, name -> resolve(name, null));
    }

    public static CachePolicy of(String cacheName, CacheFreshness annotated) {
        if (annotated == null) {
            return of(cacheName);
        }
        return ANNOTATED.computeIfAbsent(cacheName, name -> resolve(name, annotated));
    }

    /** The default entry cap of a cache's near tier; 0 (none) for per-user caches such as profiles. */
    public static int defaultNearEntries(String cacheName) {
        return DEFAULT_NEAR_ENTRIES.getOrDefault(cacheName, 0);
    }

    private static CachePolicy resolve(String cacheName, CacheFreshness annotated) {
        String prefix = "ecolaura.cache." + cacheName + ".";
        Duration fallbackTtl =
                DEFAULT_TTLS.getOrDefault(cacheName, Settings.duration("ecolaura.cache.default.ttl", FALLBACK_TTL));
        var policy = new CachePolicy(
                cacheName,
                Settings.duration(prefix + "ttl", fallbackTtl),
                Settings.duration(
                        prefix + "stale-while-revalidate",
                        annotated == null ? Duration.ZERO : Duration.parse(annotated.staleWhileRevalidate())),
                Settings.decimal(prefix + "ttl-jitter", annotated == null ? DEFAULT_TTL_JITTER : annotated.ttlJitter()),
                Settings.decimal(
                        prefix + "early-refresh-beta",
                        annotated == null ? DEFAULT_EARLY_REFRESH_BETA : annotated.earlyRefreshBeta()),
                Settings.duration(prefix + "lock-wait", Duration.ofSeconds(3)),
                Settings.duration(prefix + "lock-lease", Duration.ofSeconds(10)));
        check(policy);
        return policy;
    }

    private static void check(CachePolicy policy) {
        String prefix = "ecolaura.cache." + policy.cacheName() + ".";
        if (policy.ttl().isNegative() || policy.ttl().isZero()) {
            throw new IllegalArgumentException(prefix + "ttl must be positive: " + policy.ttl());
        }
        if (policy.staleWhileRevalidate().isNegative()) {
            throw new IllegalArgumentException(prefix + "stale-while-revalidate must not be negative");
        }
        if (policy.ttlJitter() < 0 || policy.ttlJitter() >= 1) {
            throw new IllegalArgumentException(prefix + "ttl-jitter must be in [0, 1)");
        }
        if (policy.earlyRefreshBeta() < 0) {
            throw new IllegalArgumentException(prefix + "early-refresh-beta must not be negative");
        }
    }
}
