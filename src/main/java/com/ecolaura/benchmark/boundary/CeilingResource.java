package com.ecolaura.benchmark.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Packaging;
import com.ecolaura.catalog.entity.ProductView;
import com.ecolaura.redis.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The benchmark's ceiling: a product-sized constant answered through the same JAX-RS, JSON and
 * HTTP-caching path as a product detail, with no cache and no database behind it, so that a
 * benchmark can tell the server's own limit from what the caching layer costs. Off (404) unless
 * {@code ecolaura.benchmark.ceiling=true}.
 */
@Path("benchmark/ceiling")
@Tag(name = "benchmark")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CeilingResource {

    private final boolean enabled = Settings.flag("ecolaura.benchmark.ceiling", false);

    private static final ProductView CONSTANT = new ProductView(
            42,
            "ECO-0000042",
            "Compostable Flax Fibre Power Bank",
            "A compostable power bank made from flax fibre and virgin plastic and recycled aluminium. "
                    + "Ships recyclable packed; made in JP.",
            "electronics",
            "Greenhive",
            new BigDecimal("117.53"),
            "EUR",
            36,
            List.of("flax fibre", "virgin plastic", "recycled aluminium"),
            List.of(),
            new BigDecimal("54.712"),
            20,
            Packaging.RECYCLABLE,
            "JP",
            35,
            0,
            Instant.parse("2026-11-26T10:26:09Z"));

    @GET
    @Operation(summary = "A constant product-sized response (benchmark ceiling; 404 unless enabled)")
    public Response constant(@Context Request request) {
        if (!enabled) {
            throw new NotFoundException();
        }
        return HttpCaching.versioned(request, CONSTANT.version(), CacheNames.PRODUCTS, () -> CONSTANT);
    }
}
