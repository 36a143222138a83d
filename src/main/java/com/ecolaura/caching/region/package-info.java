/** Hibernate's second-level and query cache on the shared Redis client: Redisson's region factory, an allowlisting codec, fail-open regions, a local clock. */
package com.ecolaura.caching.region;
