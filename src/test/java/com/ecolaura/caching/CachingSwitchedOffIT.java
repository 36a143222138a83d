package com.ecolaura.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.RedisProbe;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopDeployment;
import com.ecolaura.testing.ShopInfrastructure;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code ecolaura.cache.enabled=false}: every read goes to the database, nothing is written to Redis. */
@ExtendWith({ShopInfrastructure.class, ArquillianExtension.class})
class CachingSwitchedOffIT {

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-uncached")
    static WebArchive shop() {
        return ShopDeployment.war();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void everyReadRunsTheLookupAndItsSqlAndNothingIsCached() {
        var shop = new ShopClient(deployment);
        try (var redis = new RedisProbe()) {
            redis.evict("products", "1999");
            redis.evict("sustainability-scores", "1999:0");
            double loads = shop.metric("ecolaura_catalog_product_loads_total");
            double computations = shop.metric("ecolaura_catalog_score_computations_total");

            long first = ok(shop.get("api/products/1999")).sqlStatements();
            long second = ok(shop.get("api/products/1999")).sqlStatements();
            shop.get("api/products/1999/sustainability-score");
            shop.get("api/products/1999/sustainability-score");

            // two product reads, and two score reads that each look the product up first
            assertEquals(loads + 4, shop.metric("ecolaura_catalog_product_loads_total"));
            assertEquals(computations + 2, shop.metric("ecolaura_catalog_score_computations_total"));
            assertTrue(
                    second > 0 && second == first,
                    "the repeated read ran the same SQL again: " + first + ", " + second);
            assertEquals(0, shop.metric("ecolaura_hibernate_second_level_cache_hits"));
            assertFalse(redis.hasField("products", "1999"));
            assertFalse(
                    redis.hasField("sustainability-scores", "1999:0"), "product 1999 is at version 0, never updated");
        }
    }

    private static ShopClient.Reply ok(ShopClient.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }
}
