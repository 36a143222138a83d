package com.ecolaura.caching.annotations;

import jakarta.interceptor.Interceptor;

/**
 * Where the cache interceptors stand: outside {@code @Transactional} (priority 200). A hit then
 * costs no transaction, a result is cached only once its transaction has committed, and an
 * eviction happens after the commit, so no reader can cache the old row again in between.
 */
public final class CachingOrder {

    public static final int AROUND_TRANSACTIONS = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private CachingOrder() {}
}
