package com.ecolaura.caching.policy;

import com.ecolaura.caching.entity.CacheEntry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a cache's entries age and where they live: fresh for {@code ttl} (± {@code ttlJitter}), then
 * served stale for {@code staleWhileRevalidate} while one refresh runs, then gone. A miss is
 * computed by one caller across all instances, the others waiting up to {@code lockWait}; a holder
 * that dies frees the key after {@code lockLease}. At most {@code maxEntries} in Redis (least
 * recently used trimmed first) and {@code nearEntries} in each instance's near cache (0: none, also
 * when caching or the near cache is switched off).
 */
public record CachePolicy(
        String cacheName,
        Duration ttl,
        Duration staleWhileRevalidate,
        double ttlJitter,
        double earlyRefreshBeta,
        Duration lockWait,
        Duration lockLease,
        int maxEntries,
        int nearEntries) {

    /** This entry's fresh lifetime: the TTL with its jitter applied. */
    public Duration jitteredTtl() {
        if (ttlJitter <= 0) {
            return ttl;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-ttlJitter, ttlJitter);
        return Duration.ofMillis(Math.max(1, Math.round(ttl.toMillis() * factor)));
    }

    /** A value computed (or given) now, fresh for a jittered TTL, then stale for the stale window. */
    public CacheEntry entry(Object value, long computeMillis) {
        long now = System.currentTimeMillis();
        long freshUntil = now + jitteredTtl().toMillis();
        return new CacheEntry(value, now, computeMillis, freshUntil, freshUntil + staleWhileRevalidate.toMillis());
    }

    /** The longest an entry can live in Redis: its longest jittered TTL and its stale window. */
    public Duration lifetime() {
        return ttl.plus(ttl.multipliedBy(Math.round(ttlJitter * 100)).dividedBy(100))
                .plus(staleWhileRevalidate);
    }

    /**
     * XFetch (Vattani, Chierichetti, Lowenstein, VLDB 2015): refresh early when
     * {@code now - delta * beta * ln(rand) >= expiry}, delta being the time the value took to compute.
     */
    public boolean refreshEarly(long nowMillis, long computeMillis, long freshUntilMillis) {
        if (earlyRefreshBeta <= 0) {
            return false;
        }
        double random = 1.0 - ThreadLocalRandom.current().nextDouble(); // in (0, 1]
        return nowMillis - computeMillis * earlyRefreshBeta * Math.log(random) >= freshUntilMillis;
    }
}
