package com.ecolaura.redis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

/** Closes the shared Redis client, and stops the embedded redis-server, when the application stops. */
@ApplicationScoped
public class RedisShutdown {

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        SharedRedis.shutdown();
    }
}
