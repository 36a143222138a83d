package com.ecolaura.caching.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link CacheFreshness} of each cache, as the cached methods declare it: collected by the CDI
 * extension while the application's classes are discovered, before any bean exists, so that a
 * cache's policy is the same whichever code asks first (a resource's Cache-Control, a method's entry).
 */
public final class DeclaredFreshness {

    private static final Map<String, CacheFreshness> DECLARED = new ConcurrentHashMap<>();

    private DeclaredFreshness() {}

    public static void declare(String cacheName, CacheFreshness freshness) {
        DECLARED.put(cacheName, freshness);
    }

    static CacheFreshness of(String cacheName) {
        return DECLARED.get(cacheName);
    }
}
