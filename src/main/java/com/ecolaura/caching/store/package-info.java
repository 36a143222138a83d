/** Where cached values live: the near cache in the JVM, the JCache hashes in Redis, the scripts that read, lease, fence and write them, entry caps, and missed evictions kept for replay. */
package com.ecolaura.caching.store;
