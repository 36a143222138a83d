package com.ecolaura.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.caching.policy.CachePolicy;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CachePolicyTest {

    static CachePolicy policy(double jitter, double beta) {
        return new CachePolicy(
                "products",
                Duration.ofSeconds(100),
                Duration.ZERO,
                jitter,
                beta,
                Duration.ofSeconds(3),
                Duration.ofSeconds(10),
                200_000,
                10_000);
    }

    @Test
    void jitterSpreadsTtlsWithinItsBounds() {
        var policy = policy(0.1, 1);
        var ttls = IntStream.range(0, 2_000)
                .mapToLong(i -> policy.jitteredTtl().toMillis())
                .toArray();
        assertTrue(IntStream.range(0, ttls.length).allMatch(i -> ttls[i] >= 90_000 && ttls[i] <= 110_000));
        long distinct = java.util.Arrays.stream(ttls).distinct().count();
        assertTrue(distinct > 1_000, "entries written together get different TTLs: " + distinct);
        assertEquals(100_000, policy(0, 1).jitteredTtl().toMillis());
    }

    @Test
    void anEntryLivesItsLongestJitteredTtlThenItsStaleWindow() {
        var policy = tenMinutesThenFiveStale();
        assertEquals(Duration.ofMinutes(16), policy.lifetime());
        assertTrue(IntStream.range(0, 2_000)
                .allMatch(i ->
                        policy.jitteredTtl().plus(policy.staleWhileRevalidate()).compareTo(policy.lifetime()) <= 0));
    }

    @Test
    void anEntryExpiresOneStaleWindowAfterItsFreshnessEndsWithinItsLifetime() {
        var policy = tenMinutesThenFiveStale();
        for (int i = 0; i < 1_000; i++) {
            var entry = policy.entry("value", 3);
            assertEquals(policy.staleWhileRevalidate().toMillis(), entry.expiresAt() - entry.freshUntil());
            assertTrue(
                    entry.expiresAt() - entry.computedAt() <= policy.lifetime().toMillis());
        }
    }

    /** Fresh for 10 min ± 10 %, then stale for 5 min. */
    private static CachePolicy tenMinutesThenFiveStale() {
        return new CachePolicy(
                "products",
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                0.1,
                1,
                Duration.ofSeconds(3),
                Duration.ofSeconds(10),
                200_000,
                0);
    }

    @Test
    void xfetchRefreshesMoreOftenTheCloserTheExpiryAndTheCostlierTheValue() {
        var policy = policy(0, 1);
        long expiry = 1_000_000;
        double far = share(() -> policy.refreshEarly(expiry - 5_000, 100, expiry));
        double near = share(() -> policy.refreshEarly(expiry - 50, 100, expiry));
        double nearCheap = share(() -> policy.refreshEarly(expiry - 50, 5, expiry));
        assertTrue(far < 0.01, "5 s before expiry, 100 ms to compute: " + far);
        assertTrue(near > 0.5, "50 ms before expiry: " + near);
        assertTrue(nearCheap < near, "a cheap value is refreshed later");
        assertTrue(policy.refreshEarly(expiry, 0, expiry), "at expiry, always");
        assertFalse(policy(0, 0).refreshEarly(expiry - 1, 1_000, expiry), "beta 0: never early");
    }

    private static double share(java.util.function.BooleanSupplier decision) {
        int trials = 20_000;
        return IntStream.range(0, trials).filter(i -> decision.getAsBoolean()).count() / (double) trials;
    }
}
