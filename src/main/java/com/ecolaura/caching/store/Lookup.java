package com.ecolaura.caching.store;

import com.ecolaura.caching.entity.CacheEntry;

/** What a read of a cache found ({@link CacheStore#lookup}). */
public sealed interface Lookup {

    /** The entry, fresh or stale (fresh always from the near cache). */
    record Hit(CacheEntry entry) implements Lookup {}

    /** Redis answered: no entry. */
    record Miss() implements Lookup {}

    /** Redis could not be asked or did not answer: compute, and do not ask it again now. */
    record Unreachable() implements Lookup {}

    Lookup MISS = new Miss();
    Lookup UNREACHABLE = new Unreachable();
}
