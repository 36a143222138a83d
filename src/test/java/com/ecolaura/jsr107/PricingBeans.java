package com.ecolaura.jsr107;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;

/** Annotated methods for the probe, each counting its real calls. */
@ApplicationScoped
public class PricingBeans {

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    private void called(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    @CacheResult(cacheName = "spec-prices")
    public Price price(String sku) {
        called("price");
        return new Price(sku, new BigDecimal("9.90"));
    }

    @CacheResult(cacheName = "spec-greetings", cacheKeyGenerator = LowerCaseKeys.class)
    public String greeting(String name) {
        called("greeting");
        return "Hello, " + name;
    }

    @CacheResult(cacheName = "spec-regional", cacheResolverFactory = PerRegionCaches.class)
    public Price regionalPrice(String region, @CacheKey String sku) {
        called("regionalPrice");
        return new Price(sku, new BigDecimal(region.length()));
    }

    @CacheResult(
            cacheName = "spec-codes",
            exceptionCacheName = "spec-code-failures",
            cachedExceptions = IllegalArgumentException.class)
    public String code(String code) {
        called("code");
        if (code.startsWith("bad")) {
            throw new IllegalArgumentException("no such code: " + code);
        }
        if (code.startsWith("busy")) {
            throw new IllegalStateException("try again: " + code);
        }
        return code.toUpperCase(java.util.Locale.ROOT);
    }
}
