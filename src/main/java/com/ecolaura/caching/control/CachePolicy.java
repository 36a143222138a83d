package com.ecolaura.caching.control;

import java.time.Duration;

/** How long a cache keeps an entry after it was written. */
public record CachePolicy(String cacheName, Duration ttl) {}
