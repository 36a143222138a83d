package com.ecolaura.jsr107;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheResult;

/** Cache name and key generator both from the class's {@code @CacheDefaults}. */
@ApplicationScoped
@CacheDefaults(cacheName = "spec-defaults", cacheKeyGenerator = LowerCaseKeys.class)
public class DefaultsBean {

    private final AtomicInteger calls = new AtomicInteger();

    /** A method, not the field: callers hold the bean's proxy. */
    int calls() {
        return calls.get();
    }

    @CacheResult
    public String shout(String word) {
        calls.incrementAndGet();
        return word.toUpperCase(java.util.Locale.ROOT) + "!";
    }

    @CacheRemove
    public void forget(String word) {}
}
