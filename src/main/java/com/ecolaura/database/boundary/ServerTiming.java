package com.ecolaura.database.boundary;

import com.ecolaura.database.control.RequestStatements;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Server-Timing: app;dur=1.8, sql;desc="0 statements"} on every API response: how long the
 * server took and how many SQL statements the request ran (0 when the caches served it). Browser
 * developer tools and the benchmarks read it; {@code ecolaura.server-timing.enabled=false} drops it.
 */
@Provider
@PreMatching
public class ServerTiming implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ServerTiming.class.getName() + ".started";

    @Inject
    @ConfigProperty(name = "ecolaura.server-timing.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) {
            request.setProperty(STARTED, System.nanoTime());
            RequestStatements.begin();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            String timing = RequestStatements.serverTiming(started);
            if (timing != null) {
                response.getHeaders().add("Server-Timing", timing);
            }
        }
    }
}
