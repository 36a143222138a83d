package com.ecolaura.caching.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@code @CacheResult} method's entries age, where its cache needs more than the defaults.
 * Configuration ({@code ecolaura.cache.<name>.stale-while-revalidate}, …) overrides these values.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CacheFreshness {

    /** How long past its TTL an entry is still served while one background refresh recomputes it (ISO-8601). */
    String staleWhileRevalidate() default "PT0S";

    /** Each entry's TTL varies by up to this fraction either way, so entries written together expire apart. */
    double ttlJitter() default CachePolicies.DEFAULT_TTL_JITTER;

    /** XFetch's β: how eagerly a hit close to its expiry triggers a refresh; 0 turns early refresh off. */
    double earlyRefreshBeta() default CachePolicies.DEFAULT_EARLY_REFRESH_BETA;
}
