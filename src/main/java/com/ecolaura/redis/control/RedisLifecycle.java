package com.ecolaura.redis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** The gateway for injection, and the client closed (the embedded redis-server stopped) when the application stops. */
@ApplicationScoped
public class RedisLifecycle {

    @Produces
    RedisGateway gateway() {
        return RedisGateway.instance();
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        SharedRedis.shutdown();
    }
}
