package com.ecolaura.jsr107;

import com.ecolaura.caching.entity.DefaultGeneratedCacheKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.cache.CacheManager;
import javax.cache.annotation.BeanProvider;
import org.junit.runner.JUnitCore;

/**
 * Test-only, added to the WAR by {@link JCacheSpecIT}: runs the JSR-107 TCK's annotation tests and
 * the probe beans inside the shop, and answers what it saw (the assertions are the test's).
 */
@Path("test/jsr107")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class Jsr107ProbeResource {

    @Inject
    PricingBeans beans;

    @Inject
    DefaultsBean defaults;

    @Inject
    CacheManager caches;

    @POST
    @Path("tck")
    public Map<String, Object> runTck() throws ClassNotFoundException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        var result = new JUnitCore()
                .run(
                        Class.forName("org.jsr107.tck.annotation.InterceptionUsingCacheConfigTest", true, loader),
                        Class.forName("org.jsr107.tck.annotation.InterceptionUsingDefaultCacheNameTest", true, loader),
                        Class.forName("org.jsr107.tck.annotation.InterceptionCacheNameOnEachMethodTest", true, loader));
        var seen = new LinkedHashMap<String, Object>();
        seen.put("run", result.getRunCount());
        seen.put("failed", result.getFailureCount());
        seen.put("ignored", result.getIgnoreCount());
        seen.put("failures", result.getFailures().stream().map(Object::toString).toList());
        seen.put(
                "beanProvider",
                ServiceLoader.load(BeanProvider.class, loader)
                        .findFirst()
                        .map(p -> p.getClass().getName())
                        .orElse(""));
        seen.put("beanLookups", CdiBeanProvider.LOOKUPS.get());
        return seen;
    }

    /** The annotations write, the JCache API reads under the specification's key; and the reverse. */
    @POST
    @Path("interplay/{sku}")
    public Map<String, Object> interplay(@PathParam("sku") String sku) {
        var seen = new LinkedHashMap<String, Object>();
        javax.cache.Cache<Object, Object> cache = caches.getCache("spec-prices");
        beans.price(sku);
        seen.put("readThroughJCache", String.valueOf(cache.get(new DefaultGeneratedCacheKey(sku))));
        String other = sku + "-put";
        cache.put(new DefaultGeneratedCacheKey(other), new Price(other, new BigDecimal("1.25")));
        seen.put("readThroughAnnotation", String.valueOf(beans.price(other)));
        seen.put("priceCalls", beans.calls("price"));
        return seen;
    }

    @POST
    @Path("call/{method}/{argument}")
    public Map<String, Object> call(@PathParam("method") String method, @PathParam("argument") String argument) {
        var seen = new LinkedHashMap<String, Object>();
        try {
            seen.put(
                    "result",
                    String.valueOf(
                            switch (method) {
                                case "greeting" -> beans.greeting(argument);
                                case "shout" -> defaults.shout(argument);
                                case "forget" -> {
                                    defaults.forget(argument);
                                    yield "forgotten";
                                }
                                case "regional" -> beans.regionalPrice(argument.split(":")[0], argument.split(":")[1]);
                                case "code" -> beans.code(argument);
                                default -> throw new jakarta.ws.rs.NotFoundException(method);
                            }));
        } catch (RuntimeException e) {
            seen.put("thrown", e.getClass().getName() + ": " + e.getMessage());
        }
        seen.put(
                "calls",
                method.equals("shout") || method.equals("forget")
                        ? defaults.calls()
                        : beans.calls(method.equals("regional") ? "regionalPrice" : method));
        return seen;
    }

    /** Plants a cached exception of a class the method does not allow, as someone with write access to Redis could. */
    @POST
    @Path("plant-failure/{code}")
    public List<String> plantFailure(@PathParam("code") String code) {
        javax.cache.Cache<Object, Object> failures = caches.getCache("spec-code-failures");
        failures.put(new DefaultGeneratedCacheKey(code), new CachedFailure("java.lang.SecurityException", "planted"));
        return List.of(code);
    }
}
