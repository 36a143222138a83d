package com.ecolaura.caching.store;

import com.ecolaura.caching.entity.CacheEntry;
import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.fasterxml.jackson.databind.JavaType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An in-JVM tier in front of Redis for the hottest entries of the caches that have one
 * ({@code ecolaura.cache.<name>.near.max-entries} &gt; 0): bounded by entry count (Caffeine's
 * W-TinyLFU keeps the hot ones), by age ({@code ecolaura.cache.near.max-age}), and serving an entry
 * only while it is fresh.
 *
 * <p>Every eviction or explicit put, on any instance, publishes on a Redis channel (inside its
 * script, {@link EntryScripts}) and drops the entry here at once, on the other instances on receipt
 * ({@link NearCacheChannel}). An entry is served only while the channel is shown to be current: a
 * pulse this instance published on it at most {@code ecolaura.cache.near.max-lag} ago has come
 * back ({@link ChannelPulse}), so every invalidation published before that pulse has been applied (Redis delivers a
 * channel's messages in order). A paused or starved JVM, a slow or half-open subscription: reads go
 * to Redis until the channel catches up. While the channel cannot be trusted at all the near cache
 * is empty. A fill that crosses an invalidation does not happen (each cache's invalidation counter
 * is compared before and after).
 */
@ApplicationScoped
public class NearCache {

    private static final System.Logger LOG = System.getLogger(NearCache.class.getName());
    static final String CHANNEL = "ecolaura:near-cache:invalidations";
    static final String SEPARATOR = "\n";

    /** What {@link #version(String)} answers for a cache without a near tier: never fills. */
    static final long NO_TIER = -1;

    private final String origin = UUID.randomUUID().toString();
    private final Map<String, Optional<Tier>> tiers = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "ecolaura.cache.near.max-age", defaultValue = "PT30S")
    Duration maxAge;

    @Inject
    CachePolicies policies;

    @Inject
    ChannelPulse pulse;

    private volatile boolean listening;
    private volatile boolean started;

    private record Tier(Cache<String, Stored> entries, AtomicLong invalidations) {}

    private record Stored(JavaType type, CacheEntry entry) {}

    /** Tiers made before start (the sample catalog's writes evict) get their gauge now. */
    void start(@Observes Startup startup) {
        if (!enabled() || started) {
            return;
        }
        CacheNames.ALL.forEach(this::tier);
        tiers.forEach((name, tier) -> tier.ifPresent(t -> exportSize(name, t.entries())));
        started = true;
    }

    boolean enabled() {
        return policies.nearTiers();
    }

    /** A fresh entry of this cache held in this JVM, if the near cache can be trusted now. */
    Optional<CacheEntry> get(String cacheName, String key, JavaType type, long nowMillis) {
        if (!current()) {
            return Optional.empty();
        }
        var tier = tier(cacheName);
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        Stored stored = tier.get().entries().getIfPresent(key);
        if (stored == null || !stored.type().equals(type) || !stored.entry().isFresh(nowMillis)) {
            return Optional.empty();
        }
        return Optional.of(stored.entry());
    }

    /** Whether this JVM holds a fresh entry under the key. */
    boolean holds(String cacheName, String key) {
        if (!current()) {
            return false;
        }
        var stored = tier(cacheName).map(tier -> tier.entries().getIfPresent(key));
        return stored.isPresent() && stored.get().entry().isFresh(System.currentTimeMillis());
    }

    /** The cache's invalidation counter, read before a Redis call that may {@link #fill} it. */
    long version(String cacheName) {
        var tier = tier(cacheName);
        return listening && tier.isPresent() ? tier.get().invalidations().get() : NO_TIER;
    }

    /** Keeps an entry read from Redis or written to it, unless an invalidation of its cache crossed the call. */
    void fill(String cacheName, String key, JavaType type, CacheEntry entry, long versionBefore) {
        if (versionBefore == NO_TIER || !listening) {
            return;
        }
        var tier = tier(cacheName).orElseThrow();
        if (tier.invalidations().get() != versionBefore) {
            return;
        }
        tier.entries().put(key, new Stored(type, entry));
        if (tier.invalidations().get() != versionBefore) {
            tier.entries().invalidate(key);
        }
    }

    /** The message that drops an entry ({@code key}) or a whole cache (null) from the other instances' near caches. */
    String message(String cacheName, String key) {
        return key == null ? origin + SEPARATOR + cacheName : origin + SEPARATOR + cacheName + SEPARATOR + key;
    }

    /** This instance's name in invalidation messages: it ignores its own. */
    String origin() {
        return origin;
    }

    /** Drops an entry here (the other instances hear of it through the channel). */
    void drop(String cacheName, String key) {
        tier(cacheName).ifPresent(tier -> {
            tier.invalidations().incrementAndGet();
            tier.entries().invalidate(key);
            CacheMetrics.count(CacheCounter.NEAR_INVALIDATIONS, cacheName);
        });
    }

    /** Drops a whole cache here. */
    void dropAll(String cacheName) {
        tier(cacheName).ifPresent(tier -> {
            tier.invalidations().incrementAndGet();
            tier.entries().invalidateAll();
            CacheMetrics.count(CacheCounter.NEAR_INVALIDATIONS, cacheName);
        });
    }

    /** The channel may have lost messages: nothing held here is trusted, and nothing is used until {@link #listen}. */
    void suspend() {
        if (listening) {
            LOG.log(Level.INFO, "near cache: Redis was lost; emptied until the channel is subscribed again");
        }
        listening = false;
        clearEverything();
    }

    /** The channel works (again): the near cache starts from empty. */
    void listen() {
        clearEverything();
        if (!listening) {
            LOG.log(Level.INFO, "near cache: listening for invalidations on {0}", CHANNEL);
        }
        listening = true;
    }

    boolean listening() {
        return listening;
    }

    /** In use, and the channel has delivered all that was published up to {@code max-lag} ago. */
    private boolean current() {
        return listening && pulse.current();
    }

    private void clearEverything() {
        tiers.forEach((name, tier) -> tier.ifPresent(t -> {
            t.invalidations().incrementAndGet();
            t.entries().invalidateAll();
        }));
    }

    private Optional<Tier> tier(String cacheName) {
        return tiers.computeIfAbsent(cacheName, this::create);
    }

    private Optional<Tier> create(String cacheName) {
        int maxEntries = policies.of(cacheName).nearEntries();
        if (maxEntries <= 0) { // none with caching or the near cache off: see CachePolicies
            return Optional.empty();
        }
        Cache<String, Stored> entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxAge)
                .build();
        if (started) {
            exportSize(cacheName, entries);
        }
        return Optional.of(new Tier(entries, new AtomicLong()));
    }

    private static void exportSize(String cacheName, Cache<String, Stored> entries) {
        CacheMetrics.gauge(Gauge.NEAR_ENTRIES, cacheName, entries::estimatedSize);
    }
}
