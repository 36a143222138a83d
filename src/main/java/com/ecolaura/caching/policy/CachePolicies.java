package com.ecolaura.caching.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Each cache's {@link CachePolicy}: {@code ecolaura.cache.<name>.ttl}, {@code .stale-while-revalidate},
 * {@code .ttl-jitter}, {@code .early-refresh-beta}, {@code .lock-wait}, {@code .lock-lease},
 * {@code .max-entries}, {@code .near.max-entries}; then the cached method's {@link CacheFreshness};
 * then the defaults below. Caches not listed (JSR-107 default names) use
 * {@code ecolaura.cache.default.ttl}. Resolved once per cache: configuration is read at start.
 */
@ApplicationScoped
public class CachePolicies {

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

    private static final Map<String, Integer> DEFAULT_MAX_ENTRIES = Map.of(
            CacheNames.SEARCH_RESULTS, 50_000,
            CacheNames.TRENDING, 1_000);

    private static final int FALLBACK_MAX_ENTRIES = 200_000;
    private static final Duration FALLBACK_TTL = Duration.ofMinutes(10);

    @Inject
    Config config;

    private final Map<String, CachePolicy> resolved = new ConcurrentHashMap<>();

    public CachePolicy of(String cacheName) {
        return resolved.computeIfAbsent(cacheName, this::resolve);
    }

    private CachePolicy resolve(String cacheName) {
        String prefix = "ecolaura.cache." + cacheName + ".";
        var annotated = DeclaredFreshness.of(cacheName);
        Duration fallbackTtl =
                DEFAULT_TTLS.getOrDefault(cacheName, duration("ecolaura.cache.default.ttl", FALLBACK_TTL));
        var policy = new CachePolicy(
                cacheName,
                duration(prefix + "ttl", fallbackTtl),
                duration(
                        prefix + "stale-while-revalidate",
                        annotated == null ? Duration.ZERO : Duration.parse(annotated.staleWhileRevalidate())),
                decimal(prefix + "ttl-jitter", annotated == null ? DEFAULT_TTL_JITTER : annotated.ttlJitter()),
                decimal(
                        prefix + "early-refresh-beta",
                        annotated == null ? DEFAULT_EARLY_REFRESH_BETA : annotated.earlyRefreshBeta()),
                duration(prefix + "lock-wait", Duration.ofSeconds(3)),
                duration(prefix + "lock-lease", Duration.ofSeconds(10)),
                number(prefix + "max-entries", DEFAULT_MAX_ENTRIES.getOrDefault(cacheName, FALLBACK_MAX_ENTRIES)),
                nearTiers() ? number(prefix + "near.max-entries", DEFAULT_NEAR_ENTRIES.getOrDefault(cacheName, 0)) : 0);
        check(policy);
        return policy;
    }

    /** Whether any cache keeps a near tier: not with caching or the near cache switched off. */
    public boolean nearTiers() {
        return config.getOptionalValue("ecolaura.cache.enabled", Boolean.class).orElse(true)
                && config.getOptionalValue("ecolaura.cache.near.enabled", Boolean.class)
                        .orElse(true);
    }

    private Duration duration(String key, Duration fallback) {
        return config.getOptionalValue(key, Duration.class).orElse(fallback);
    }

    private double decimal(String key, double fallback) {
        return config.getOptionalValue(key, Double.class).orElse(fallback);
    }

    private int number(String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
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
        if (policy.maxEntries() < 1) {
            throw new IllegalArgumentException(prefix + "max-entries must be positive");
        }
    }
}
