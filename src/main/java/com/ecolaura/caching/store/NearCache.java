package com.ecolaura.caching.store;

import com.ecolaura.caching.entity.CacheEntry;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.Settings;
import com.ecolaura.redis.control.SharedRedis;
import com.fasterxml.jackson.databind.JavaType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RTopic;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;

/**
 * An in-JVM tier in front of Redis for the hottest entries of the caches that have one
 * ({@code ecolaura.cache.<name>.near.max-entries} &gt; 0): bounded by entry count (Caffeine's
 * W-TinyLFU keeps the hot ones), by age ({@code ecolaura.cache.near.max-age}), and serving an entry
 * only while it is fresh.
 *
 * <p>Every eviction or explicit put, on any instance, is published on a Redis channel and drops the
 * entry from every near cache before the writing request returns. Pub/sub can lose messages while a
 * connection is down, so the near caches are emptied and unused from a lost connection until the
 * channel is subscribed again. A read that crosses an invalidation does not fill the near cache
 * (each cache's invalidation counter is compared before and after the Redis read).
 */
@ApplicationScoped
public class NearCache {

    private static final System.Logger LOG = System.getLogger(NearCache.class.getName());
    private static final String CHANNEL = "ecolaura:near-cache:invalidations";
    private static final String SEPARATOR = "\n";
    private static final String PROBE = "#probe";

    /** What {@link #version(String)} answers for a cache without a near tier: never fills. */
    public static final long NO_TIER = -1;

    private final String origin = UUID.randomUUID().toString();
    private final Map<String, Optional<Tier>> tiers = new ConcurrentHashMap<>();
    private final boolean enabled = Settings.cachingEnabled() && Settings.flag("ecolaura.cache.near.enabled", true);
    private final Duration maxAge = Settings.duration("ecolaura.cache.near.max-age", Duration.ofSeconds(30));

    private volatile boolean listening;
    private volatile boolean started;
    private final AtomicLong suspensions = new AtomicLong();
    private volatile RTopic topic;
    private ScheduledFuture<?> subscribing;
    private ScheduledFuture<?> probing;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private record Tier(Cache<String, Stored> entries, AtomicLong invalidations) {}

    private record Stored(JavaType type, CacheEntry entry) {}

    /** Subscribes at start, and retries every few seconds while Redis cannot be reached. */
    void start(@Observes Startup startup) {
        if (!enabled) {
            return;
        }
        SharedRedis.onConnectionLost(this::suspend);
        // an open circuit means Redis stopped answering: invalidations may be lost as well
        RedisCircuit.onOpen(this::suspend);
        CacheMetrics.gauge(
                "near.listening",
                "1 while this instance's near cache is in use (subscribed to invalidations), else 0",
                null,
                () -> listening ? 1 : 0);
        // tiers made before start (the sample catalog's writes evict) get their gauge now
        CacheNames.ALL.forEach(this::tier);
        tiers.forEach((name, tier) -> tier.ifPresent(t -> exportSize(name, t.entries())));
        started = true;
        subscribing = scheduler.scheduleWithFixedDelay(this::subscribe, 0, 5, TimeUnit.SECONDS);
        probing = scheduler.scheduleWithFixedDelay(this::probeIfSuspended, 2, 2, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (subscribing != null) {
            subscribing.cancel(false);
        }
        if (probing != null) {
            probing.cancel(false);
        }
    }

    /** A fresh entry of this cache held in this JVM, if the near cache can be trusted now. */
    Optional<CacheEntry> get(String cacheName, String key, JavaType type, long nowMillis) {
        if (!listening) {
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

    /** Whether this JVM holds a fresh entry under the key (prefetching skips what is here already). */
    public boolean holds(String cacheName, String key) {
        if (!listening) {
            return false;
        }
        var stored = tier(cacheName).map(tier -> tier.entries().getIfPresent(key));
        return stored.isPresent() && stored.get().entry().isFresh(System.currentTimeMillis());
    }

    /** The cache's invalidation counter, read before a Redis read that may {@link #fill} it. */
    public long version(String cacheName) {
        var tier = tier(cacheName);
        return listening && tier.isPresent() ? tier.get().invalidations().get() : NO_TIER;
    }

    /** Keeps an entry read from Redis, unless an invalidation of its cache crossed the read. */
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

    /** Drops an entry here and, through Redis, on every other instance. */
    void invalidate(String cacheName, String key) {
        if (!enabled) {
            return;
        }
        drop(cacheName, key);
        publish(cacheName + SEPARATOR + key, false);
    }

    /** Drops a whole cache here and on every other instance. */
    public void invalidateAll(String cacheName) {
        if (!enabled) {
            return;
        }
        dropAll(cacheName);
        publish(cacheName, false);
    }

    /**
     * The invalidation of a missed eviction, replayed while the circuit is still open (it closes
     * after the replay): published all the same, since Redis answers again and other instances may
     * hold the entry.
     */
    void invalidateOnRecovery(String cacheName, String key) {
        if (!enabled) {
            return;
        }
        boolean whole = MissedEvictions.ALL.equals(key);
        if (whole) {
            dropAll(cacheName);
        } else {
            drop(cacheName, key);
        }
        publish(whole ? cacheName : cacheName + SEPARATOR + key, true);
    }

    private void publish(String message, boolean evenWithTheCircuitOpen) {
        var channel = topic;
        if (channel == null || (RedisCircuit.isOpen() && !evenWithTheCircuitOpen)) {
            // not subscribed, or Redis not answering: the missed eviction is replayed, and publishes, later
            return;
        }
        try {
            channel.publish(origin + SEPARATOR + message);
        } catch (RuntimeException e) {
            RedisFailures.record("publish", CHANNEL, e);
        }
    }

    private void receive(CharSequence channel, String message) {
        String[] parts = message.split(SEPARATOR, 3);
        if (parts.length == 2 && origin.equals(parts[0]) && parts[1].equals(probe())) {
            listen(); // our own probe, sent since the last lost connection, came back
            return;
        }
        if (parts.length < 2 || origin.equals(parts[0])) {
            return;
        }
        if (parts.length == 2) {
            dropAll(parts[1]);
        } else {
            drop(parts[1], parts[2]);
        }
    }

    private void drop(String cacheName, String key) {
        tier(cacheName).ifPresent(tier -> {
            tier.invalidations().incrementAndGet();
            tier.entries().invalidate(key);
            CacheMetrics.nearInvalidation(cacheName);
        });
    }

    private void dropAll(String cacheName) {
        tier(cacheName).ifPresent(tier -> {
            tier.invalidations().incrementAndGet();
            tier.entries().invalidateAll();
            CacheMetrics.nearInvalidation(cacheName);
        });
    }

    private void clearEverything() {
        tiers.forEach((name, tier) -> tier.ifPresent(t -> {
            t.invalidations().incrementAndGet();
            t.entries().invalidateAll();
        }));
    }

    /** A connection was lost: messages may be lost with it, so nothing held here is trusted. */
    private void suspend() {
        if (listening) {
            LOG.log(Level.INFO, "near cache: Redis was lost; emptied until the channel is subscribed again");
        }
        suspensions.incrementAndGet();
        listening = false;
        clearEverything();
    }

    /**
     * After a lost connection that was not the subscription's own (which re-subscribes, and says
     * so), the subscription may have lived on: a probe sent to ourselves that comes back proves
     * that it works now, and the near cache starts again from empty.
     */
    private void probeIfSuspended() {
        var channel = topic;
        if (channel == null || listening) {
            return;
        }
        try {
            channel.publishAsync(origin + SEPARATOR + probe());
        } catch (RuntimeException e) {
            RedisFailures.record("publish", CHANNEL, e);
        }
    }

    /** A probe names the suspension it was sent in: one sent before another loss proves nothing. */
    private String probe() {
        return PROBE + suspensions.get();
    }

    private void subscribe() {
        if (topic != null) {
            subscribing.cancel(false);
            return;
        }
        try {
            var channel = SharedRedis.client().getTopic(CHANNEL, StringCodec.INSTANCE);
            channel.addListener(String.class, this::receive);
            channel.addListener(new StatusListener() {
                @Override
                public void onSubscribe(String name) {
                    listen(); // a re-subscription after a reconnect: messages may have been lost
                }

                @Override
                public void onUnsubscribe(String name) {
                    suspend();
                }
            });
            topic = channel;
            listen();
        } catch (RuntimeException e) {
            RedisFailures.record("subscribe", CHANNEL, e);
        }
    }

    private void listen() {
        clearEverything();
        if (!listening) {
            LOG.log(Level.INFO, "near cache: listening for invalidations on {0}", CHANNEL);
        }
        listening = true;
    }

    private Optional<Tier> tier(String cacheName) {
        return tiers.computeIfAbsent(cacheName, this::create);
    }

    private Optional<Tier> create(String cacheName) {
        int maxEntries = Settings.number(
                "ecolaura.cache." + cacheName + ".near.max-entries", CachePolicies.defaultNearEntries(cacheName));
        if (!enabled || maxEntries <= 0) {
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
        CacheMetrics.gauge(
                "near.entries",
                "Entries in this instance's near cache (at most ecolaura.cache.<name>.near.max-entries)",
                cacheName,
                entries::estimatedSize);
    }
}
