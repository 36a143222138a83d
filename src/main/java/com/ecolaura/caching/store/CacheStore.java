package com.ecolaura.caching.store;

import com.ecolaura.caching.codec.RejectedEntries;
import com.ecolaura.caching.codec.RejectedEntryException;
import com.ecolaura.caching.codec.StoredValue;
import com.ecolaura.caching.entity.CacheEntry;
import com.ecolaura.caching.metrics.CacheCounter;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.policy.CachePolicy;
import com.ecolaura.redis.control.RedisGateway;
import com.fasterxml.jackson.databind.JavaType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading caches and writing what was computed for them, each one Redis round trip at most
 * ({@link EntryScripts}), fail-open through the {@link RedisGateway}: when Redis fails, a read is a
 * miss and a write is skipped, and the request goes on from the database. Reads look in the
 * {@link NearCache} first; a value computed here under a lease fills it once its write passed the
 * fence. What the application changes itself (puts, evictions) is {@link CacheUpdates}'.
 */
@ApplicationScoped
public class CacheStore {

    @Inject
    RedisGateway redis;

    @Inject
    RedisCaches caches;

    @Inject
    NearCache near;

    @Inject
    MissedEvictions missed;

    @Inject
    CacheBounds bounds;

    @Inject
    CacheUpdates updates;

    /** A read, counted as a (near) hit, a stale hit, a miss, or a miss and an error of its cache. */
    public Lookup lookup(String cacheName, String key, JavaType type) {
        long now = System.currentTimeMillis();
        var local = near.get(cacheName, key, type, now);
        boolean counted = !QuietReads.active();
        if (local.isPresent()) {
            if (counted) {
                CacheMetrics.nearHit(cacheName);
            }
            bounds.used(cacheName, key);
            return new Lookup.Hit(local.get());
        }
        var found = lookUp(cacheName, key, type, now);
        if (found instanceof Lookup.Hit hit) {
            bounds.used(cacheName, key);
            if (counted) {
                if (hit.entry().isFresh(now)) {
                    CacheMetrics.count(CacheCounter.HITS, cacheName);
                } else {
                    CacheMetrics.count(CacheCounter.STALE_HITS, cacheName);
                }
            }
        } else if (counted) {
            CacheMetrics.count(CacheCounter.MISSES, cacheName);
        }
        return found;
    }

    /** A read ({@link #lookup}) that only says whether there was an entry. */
    public Optional<CacheEntry> get(String cacheName, String key, JavaType type) {
        return lookup(cacheName, key, type) instanceof Lookup.Hit hit ? Optional.of(hit.entry()) : Optional.empty();
    }

    /** What {@link #nearVersion} answers for a cache without a near tier here. */
    public static final long NO_NEAR_CACHE = NearCache.NO_TIER;

    /**
     * A counter of this instance's near-cache invalidations of a cache (each eviction, clear or
     * {@link CacheUpdates#dropNear} anywhere moves it): what is derived from the cache's state may be kept until
     * it moves. {@link #NO_NEAR_CACHE} when the cache has no near tier here.
     */
    public long nearVersion(String cacheName) {
        return near.version(cacheName);
    }

    /** Whether this instance's near cache holds a fresh entry (prefetching skips what is here already). */
    public boolean nearHolds(String cacheName, String key) {
        return near.holds(cacheName, key);
    }

    /**
     * The right to compute a missing value, one caller across all instances: the entry if it is
     * there after all, a lease, or word that someone else holds it. With {@code force} the lease is
     * taken even over an entry (a refresh recomputes what is there).
     */
    public Lease lease(CachePolicy policy, String key, JavaType type, boolean force) {
        String cacheName = policy.cacheName();
        if (missed.blocks(cacheName, key) || caches.cache(cacheName) == null) {
            return Lease.UNAVAILABLE;
        }
        long nearVersion = near.version(cacheName);
        String token = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        var reply = redis.call(
                "lease",
                cacheName,
                client -> EntryScripts.lease(
                        client, cacheName, key, now, token, policy.lockLease().toMillis(), force),
                null);
        if (reply == null) {
            return Lease.UNAVAILABLE;
        }
        return switch (reply.outcome()) {
            case EntryScripts.LeaseReply.CACHED ->
                decoded(cacheName, key, type, reply.entry())
                        .<Lease>map(entry -> {
                            if (entry.isFresh(now)) {
                                near.fill(cacheName, key, type, entry, nearVersion);
                            }
                            return new Lease.Cached(entry);
                        })
                        .orElse(Lease.HELD);
            case EntryScripts.LeaseReply.LEASED ->
                new Lease.Granted(cacheName, key, token, reply.clock(), reply.leasedAt(), nearVersion);
            default -> Lease.HELD;
        };
    }

    /**
     * Writes a value computed under a lease, unless an eviction crossed the computation, and gives
     * the lease back; the value then fills this instance's near cache, so the next read costs no
     * Redis call. Says whether it was written.
     */
    public boolean putComputed(
            Lease.Granted lease, CachePolicy policy, JavaType type, Object value, long computeMillis) {
        String cacheName = policy.cacheName();
        if (value == null) {
            release(lease);
            return false;
        }
        var entry = policy.entry(value, computeMillis);
        byte[] encoded = StoredValue.encoded(entry);
        Boolean written = redis.call(
                "write",
                cacheName,
                client -> EntryScripts.write(
                        client,
                        cacheName,
                        lease.key(),
                        encoded,
                        entry.expiresAt(),
                        lease.token(),
                        lease.clock(),
                        lease.leasedAt(),
                        updates.fenceWindow().toMillis()),
                null);
        if (written == null) {
            // a timed-out write can still land (a frozen Redis runs it when it wakes): evict it on replay
            missed.record(cacheName, lease.key());
            return false;
        }
        if (!written) {
            CacheMetrics.count(CacheCounter.FENCED_PUTS, cacheName);
            return false;
        }
        CacheMetrics.count(CacheCounter.PUTS, cacheName);
        bounds.used(cacheName, lease.key());
        near.fill(cacheName, lease.key(), type, entry, lease.nearVersion());
        return true;
    }

    /** Gives a lease back unused (the computation failed). */
    public void release(Lease.Granted lease) {
        redis.run(
                "release",
                lease.cacheName(),
                client -> EntryScripts.release(client, lease.cacheName(), lease.key(), lease.token()));
    }

    /** Reads Redis, and keeps a fresh entry in the near cache unless an invalidation crossed the read. */
    private Lookup lookUp(String cacheName, String key, JavaType type, long now) {
        if (missed.blocks(cacheName, key)) {
            return Lookup.MISS;
        }
        if (caches.cache(cacheName) == null) {
            return Lookup.UNREACHABLE;
        }
        long nearVersion = near.version(cacheName);
        byte[] stored = redis.call("get", cacheName, client -> EntryScripts.stored(client, cacheName, key), NOT_READ);
        if (stored == NOT_READ) {
            return Lookup.UNREACHABLE;
        }
        var entry = stored == null ? Optional.<CacheEntry>empty() : decoded(cacheName, key, type, stored);
        if (entry.isPresent() && !entry.get().expiryRecorded()) {
            // only Redisson's JCache knows when this one expires: ask the script that reads its record
            return readChecked(cacheName, key, type, now, nearVersion);
        }
        return found(cacheName, key, type, now, nearVersion, entry);
    }

    /** The second way to read: an entry whose expiry only Redis records (written through the JCache API). */
    private Lookup readChecked(String cacheName, String key, JavaType type, long now, long nearVersion) {
        byte[] stored =
                redis.call("get", cacheName, client -> EntryScripts.read(client, cacheName, key, now), NOT_READ);
        if (stored == NOT_READ) {
            return Lookup.UNREACHABLE;
        }
        return found(
                cacheName,
                key,
                type,
                now,
                nearVersion,
                stored == null ? Optional.empty() : decoded(cacheName, key, type, stored));
    }

    /** A hit unless there is no entry or it has expired; a fresh one fills the near cache. */
    private Lookup found(
            String cacheName, String key, JavaType type, long now, long nearVersion, Optional<CacheEntry> entry) {
        if (entry.isEmpty() || entry.get().hasExpired(now)) {
            return Lookup.MISS;
        }
        if (entry.get().isFresh(now)) {
            near.fill(cacheName, key, type, entry.get(), nearVersion);
        }
        return new Lookup.Hit(entry.get());
    }

    /** What a read answers when Redis was not read (skipped or failed), told apart from a missing entry. */
    private static final byte[] NOT_READ = new byte[0];

    /** The entry, or nothing if it is not a value of the expected type (then it is evicted). */
    private Optional<CacheEntry> decoded(String cacheName, String key, JavaType type, byte[] stored) {
        try {
            return Optional.of(new StoredValue(stored).as(type));
        } catch (RejectedEntryException e) {
            CacheMetrics.count(CacheCounter.REJECTED_ENTRIES, cacheName);
            RejectedEntries.record(cacheName, key, e);
            updates.remove(cacheName, key);
            return Optional.empty();
        }
    }
}
