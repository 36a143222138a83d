package com.ecolaura.redis.boundary;

import com.ecolaura.redis.control.RedisInfo;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Redis in its own check, always UP: without Redis the shop is slower, not out of service,
 * so a load balancer must keep sending it traffic. The data says what state the cache is in.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        var info = RedisInfo.current();
        var check = HealthCheckResponse.named("redis").up().withData("reachable", info.up());
        if (info.up()) {
            return check.withData("pingMillis", Math.round(info.pingSeconds() * 1000))
                    .withData("mode", "cached")
                    .build();
        }
        return check.withData("mode", "degraded: serving from the database").build();
    }
}
