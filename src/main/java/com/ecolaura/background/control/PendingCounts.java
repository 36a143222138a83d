package com.ecolaura.background.control;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts kept in memory until background work drains them, safe while one thread counts and
 * another drains: each key is added to and taken out whole (a per-key atomic merge and remove), so
 * a count added during a drain is in this drain or the next, never lost. Beyond {@code maxKeys}
 * distinct keys a new key is not counted (a burst of cold keys is not worth the memory).
 */
public final class PendingCounts<K> {

    private final Map<K, Long> counts = new ConcurrentHashMap<>();
    private final int maxKeys;

    public PendingCounts(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Adds one; false when the key was new and the cap reached. */
    public boolean increment(K key) {
        if (counts.size() >= maxKeys && !counts.containsKey(key)) {
            return false;
        }
        counts.merge(key, 1L, Long::sum);
        return true;
    }

    /** Takes what was counted so far; counts added meanwhile stay for the next drain. */
    public Map<K, Long> drain() {
        var drained = new HashMap<K, Long>();
        for (K key : counts.keySet()) {
            Long count = counts.remove(key);
            if (count != null) {
                drained.put(key, count);
            }
        }
        return drained;
    }

    /** Puts back counts whose delivery failed, past the cap: they were counted once already. */
    public void restore(Map<K, Long> drained) {
        drained.forEach((key, count) -> counts.merge(key, count, Long::sum));
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    public void clear() {
        counts.clear();
    }
}
