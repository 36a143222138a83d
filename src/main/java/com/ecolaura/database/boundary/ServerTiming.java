package com.ecolaura.database.boundary;

import com.ecolaura.database.control.RequestStatements;
import com.ecolaura.redis.control.Settings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Server-Timing: app;dur=1.8, sql;desc="0 statements"} on every API response: how long the
 * server took and how many SQL statements the request ran (0 when the caches served it). Browser
 * developer tools and the benchmarks read it; {@code ecolaura.server-timing.enabled=false} drops it.
 */
@Provider
@PreMatching
public class ServerTiming implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ServerTiming.class.getName() + ".started";
    private final boolean enabled = Settings.flag("ecolaura.server-timing.enabled", true);

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) {
            request.setProperty(STARTED, System.nanoTime());
            RequestStatements.begin();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        int statements = RequestStatements.end();
        if (started instanceof Long nanos && statements >= 0) {
            double millis = (System.nanoTime() - nanos) / 1_000_000.0;
            response.getHeaders()
                    .add(
                            "Server-Timing",
                            String.format(
                                    java.util.Locale.ROOT,
                                    "app;dur=%.1f, sql;desc=\"%d statements\"",
                                    millis,
                                    statements));
        }
    }
}
