package com.ecolaura.changes.boundary;

import com.ecolaura.changes.control.StreamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The change stream in its own check, always UP: while it lags or stands by the shop still serves
 * (outside writes are then seen at their entries' TTL at worst), so no instance leaves the load
 * balancer for it. The data says whether this instance follows, how far behind, and when the
 * latest change committed; alert on {@code ecolaura_cache_changes_following} summed over instances.
 */
@Readiness
@ApplicationScoped
public class ChangeStreamReadiness implements HealthCheck {

    @Inject
    StreamStatus stream;

    @Override
    public HealthCheckResponse call() {
        var check = HealthCheckResponse.named("change-stream")
                .up()
                .withData("following", stream.following())
                .withData("state", stream.state())
                .withData("lagMillis", Math.round(stream.lagSeconds() * 1000));
        var last = stream.lastCommit();
        return (last == null ? check : check.withData("lastCommit", last.toString())).build();
    }
}
