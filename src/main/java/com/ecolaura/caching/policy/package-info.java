/** How long each cache's entries live and how they age: TTLs, stale windows, jitter, early refresh, leases; the cache names. */
package com.ecolaura.caching.policy;
