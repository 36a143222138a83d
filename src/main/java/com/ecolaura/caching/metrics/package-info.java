/** The caches as metrics: per-cache counters and timers, Redis's own figures, Hibernate's statistics. */
package com.ecolaura.caching.metrics;
