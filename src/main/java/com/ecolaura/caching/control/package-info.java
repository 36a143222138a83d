/** The caching infrastructure: the shared Redis client, the JCache caches and their policies, our JSR-107 interceptors (replacing Payara's Hazelcast ones), fail-open cache access, the codecs, and the Hibernate region factory on the same client. */
package com.ecolaura.caching.control;
