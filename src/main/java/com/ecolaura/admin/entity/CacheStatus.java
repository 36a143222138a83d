package com.ecolaura.admin.entity;

/** A cache as the admin API lists it: its policy, its size in Redis, and how well it serves. */
public record CacheStatus(
        String name,
        long ttlSeconds,
        long staleWhileRevalidateSeconds,
        double ttlJitter,
        double earlyRefreshBeta,
        long entries,
        long memoryBytes,
        long hits,
        long staleHits,
        long misses,
        long errors,
        long loads,
        double hitRatio,
        double getP99Millis) {}
