package com.ecolaura.caching.region;

import com.ecolaura.background.control.Repeating;
import com.ecolaura.redis.control.RedisGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Keeps the second-level cache's clock on Redis's time: every 10 s, in the background. */
@ApplicationScoped
public class RedisClockSync {

    private static final Duration EVERY = Duration.ofSeconds(10);

    @Inject
    Repeating syncing;

    @Inject
    RedisGateway redis;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    void start(@Observes Startup startup) {
        if (enabled) {
            syncing.start(this::sync, Duration.ZERO, EVERY);
        }
    }

    private void sync() {
        redis.run("time", "clock", RedisClock::sync);
    }
}
