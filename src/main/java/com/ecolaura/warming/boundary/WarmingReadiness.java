package com.ecolaura.warming.boundary;

import com.ecolaura.warming.control.CacheWarmer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the caches are being warmed (at most {@code ecolaura.warming.max-duration}), so
 * that a load balancer sends a new instance its first shoppers once it is warm. With
 * {@code ecolaura.warming.gate-readiness=false} always ready, warming or not.
 */
@Readiness
@ApplicationScoped
public class WarmingReadiness implements HealthCheck {

    @Inject
    CacheWarmer warmer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cache-warming")
                .status(warmer.done() || !warmer.gatesReadiness())
                .withData("warmed", warmer.warmed())
                .withData("planned", warmer.planned())
                .build();
    }
}
