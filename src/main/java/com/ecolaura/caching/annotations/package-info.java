/** The JSR-107 annotations on Redis: our interceptors in place of Payara's Hazelcast ones, the spec's naming and key rules, single flight and background refresh. */
package com.ecolaura.caching.annotations;
