package com.ecolaura.jsr107;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.RedisProbe;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JSR-107 annotations as the specification defines them, inside the shop on Payara Micro and
 * Redis: the TCK's own annotation tests, keys the JCache API shares, key generators, cache
 * resolvers, {@code @CacheDefaults} and cached exceptions.
 * The database is not its subject: it runs in the suite's PostgreSQL half only ({@link
 * com.ecolaura.testing.SuiteDatabase}).
 */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
@EnabledIf("com.ecolaura.testing.SuiteDatabase#postgresql")
class JCacheSpecIT {

    @Deployment(testable = false)
    static WebArchive shop() {
        return ShopDeployment.war()
                .addClasses(
                        Jsr107ProbeResource.class,
                        CdiBeanProvider.class,
                        PricingBeans.class,
                        DefaultsBean.class,
                        Price.class,
                        CachedFailure.class,
                        LowerCaseKeys.class,
                        PerRegionCaches.class)
                .addAsResource(
                        new StringAsset(CdiBeanProvider.class.getName()),
                        "META-INF/services/javax.cache.annotation.BeanProvider")
                // the TCK's beans and tests, and what they run on
                .addAsLibraries(tckBeans())
                .addAsLibraries(
                        jarOf("org.jsr107.tck.annotation.AbstractInterceptionTest"),
                        jarOf("org.junit.runner.JUnitCore"),
                        jarOf("org.hamcrest.Matcher"));
    }

    /**
     * The TCK's beans jar carries an empty CDI 1.0 {@code beans.xml}, which meant "discover all" then
     * and means "annotated only" since CDI 4: its unannotated BlogManager beans get the mode they were
     * written for.
     */
    private static JavaArchive tckBeans() {
        var beans = ShrinkWrap.create(ZipImporter.class, "cache-tests-beans.jar")
                .importFrom(jarOf("manager.BlogManager"))
                .as(JavaArchive.class);
        beans.delete("META-INF/beans.xml");
        return beans.addAsManifestResource(
                new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                        + " bean-discovery-mode=\"all\"/>"),
                "beans.xml");
    }

    private static File jarOf(String className) {
        try {
            return new File(Class.forName(className)
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ArquillianResource
    URL deployment;

    ShopClient shop;
    RedisProbe redis;

    @BeforeEach
    void connect() {
        shop = new ShopClient(deployment);
        redis = new RedisProbe();
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    private JsonNode post(String path) {
        var reply = shop.post("/api/test/jsr107/" + path, "");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void theTckAnnotationTestsPassAgainstRedis() {
        var tck = post("tck");
        assertEquals(CdiBeanProvider.class.getName(), tck.path("beanProvider").asText(), "the TCK found our beans");
        assertEquals(12, tck.path("run").asInt(), tck.toString());
        assertEquals(0, tck.path("failed").asInt(), tck.path("failures").toString());
        assertEquals(0, tck.path("ignored").asInt(), tck.toString());
        assertTrue(tck.path("beanLookups").asInt() >= 12, "each TCK test used an annotated bean: " + tck);
        // the TCK's default cache name, as Redis holds it
        assertTrue(
                redis.keys().contains("manager.UsingDefaultCacheNameBlogManagerImpl.getEntryCached(java.lang.String)")
                        || redis.keys().stream().anyMatch(k -> k.contains("UsingDefaultCacheNameBlogManagerImpl")),
                "the TCK's caches are in Redis: " + redis.keys());
    }

    @Test
    void theJCacheApiAndTheAnnotationsShareEntriesUnderReadableKeys() {
        var seen = post("interplay/sku-7");
        assertEquals(
                "Price[sku=sku-7, amount=9.90]", seen.path("readThroughJCache").asText());
        assertEquals(
                "Price[sku=sku-7-put, amount=1.25]",
                seen.path("readThroughAnnotation").asText());
        assertEquals(1, seen.path("priceCalls").asInt(), "the value put through the JCache API was served: " + seen);
        assertTrue(redis.hasField("spec-prices", "sku-7"), "the key in Redis is the parameter itself");
        assertTrue(redis.hasField("spec-prices", "sku-7-put"));
    }

    @Test
    void aKeyGeneratorDecidesWhichCallsShareAnEntry() {
        assertEquals("Hello, Ada", post("call/greeting/Ada").path("result").asText());
        var second = post("call/greeting/ADA");
        assertEquals("Hello, Ada", second.path("result").asText());
        assertEquals(1, second.path("calls").asInt());
        assertTrue(redis.hasField("spec-greetings", "ada"), "the generator's key, readable");
    }

    @Test
    void cacheDefaultsNameTheCacheAndTheKeyGenerator() {
        post("call/shout/Tea");
        var cached = post("call/shout/TEA");
        assertEquals("TEA!", cached.path("result").asText());
        assertEquals(1, cached.path("calls").asInt());
        assertTrue(redis.hasField("spec-defaults", "tea"));
        post("call/forget/tEa");
        assertTrue(!redis.hasField("spec-defaults", "tea"), "@CacheRemove used the defaults' generator too");
        assertEquals(2, post("call/shout/tea").path("calls").asInt());
    }

    @Test
    void aCacheResolverPicksTheCacheOfEachCall() {
        post("call/regional/eu:sku-1");
        post("call/regional/us:sku-1");
        var again = post("call/regional/eu:sku-1");
        assertEquals(2, again.path("calls").asInt(), "one computation per region: " + again);
        assertTrue(redis.hasField("spec-regional-eu", "sku-1"));
        assertTrue(redis.hasField("spec-regional-us", "sku-1"));
        assertTrue(!redis.keys().contains("spec-regional"), "nothing went to the annotation's own cache name");
    }

    @Test
    void allowedExceptionsAreCachedAndNothingElseIsEverThrownFromTheCache() {
        var first = post("call/code/bad-1");
        assertEquals(
                "java.lang.IllegalArgumentException: no such code: bad-1",
                first.path("thrown").asText());
        var second = post("call/code/bad-1");
        assertEquals(first.path("thrown").asText(), second.path("thrown").asText());
        assertEquals(first.path("calls").asInt(), second.path("calls").asInt(), "thrown again from the cache");
        assertTrue(redis.hasField("spec-code-failures", "bad-1"));

        int before = post("call/code/busy-1").path("calls").asInt();
        assertEquals(before + 1, post("call/code/busy-1").path("calls").asInt(), "not a cachedExceptions type");

        post("plant-failure/fine-1");
        var planted = post("call/code/fine-1");
        assertEquals(
                "FINE-1", planted.path("result").asText(), "a planted SecurityException is not thrown: " + planted);
    }
}
