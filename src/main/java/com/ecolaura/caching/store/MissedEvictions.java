package com.ecolaura.caching.store;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evictions that could not reach Redis (it was down, or the circuit open), kept until
 * {@link CircuitRecovery} replays them. Until then the entries they name are not read from Redis:
 * whatever Redis holds for them may predate the write that wanted them gone. Past
 * {@value #MAX_KEYS_PER_CACHE} keys a cache is recorded as a whole, and cleared on replay.
 */
@ApplicationScoped
public class MissedEvictions {

    static final String ALL = "*";
    private static final int MAX_KEYS_PER_CACHE = 10_000;

    private final Map<String, Set<String>> missed = new ConcurrentHashMap<>();

    void start(@Observes Startup startup) {
        CacheMetrics.gauge(Gauge.MISSED_EVICTIONS, null, this::size);
    }

    void record(String cacheName, String key) {
        var keys = missed.computeIfAbsent(cacheName, name -> ConcurrentHashMap.newKeySet());
        keys.add(keys.size() < MAX_KEYS_PER_CACHE ? key : ALL);
    }

    void recordAll(String cacheName) {
        missed.computeIfAbsent(cacheName, name -> ConcurrentHashMap.newKeySet()).add(ALL);
    }

    /** Whether Redis may hold an entry for this key that an eviction could not remove. */
    boolean blocks(String cacheName, String key) {
        if (missed.isEmpty()) {
            return false;
        }
        var keys = missed.get(cacheName);
        return keys != null && (keys.contains(ALL) || keys.contains(key));
    }

    boolean isEmpty() {
        return missed.values().stream().allMatch(Set::isEmpty);
    }

    /** The caches with missed evictions, and their keys ({@value #ALL} for the whole cache). */
    Map<String, List<String>> snapshot() {
        var copy = new java.util.TreeMap<String, List<String>>();
        missed.forEach((cache, keys) -> {
            if (!keys.isEmpty()) {
                copy.put(cache, List.copyOf(keys));
            }
        });
        return copy;
    }

    /** Forgets an eviction about to be replayed: a failed replay records it again. */
    void forget(String cacheName, String key) {
        var keys = missed.get(cacheName);
        if (keys != null) {
            keys.remove(key);
        }
    }

    private long size() {
        return missed.values().stream().mapToLong(Set::size).sum();
    }
}
