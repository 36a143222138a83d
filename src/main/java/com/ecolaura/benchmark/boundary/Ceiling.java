package com.ecolaura.benchmark.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Packaging;
import com.ecolaura.catalog.entity.ProductView;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The benchmark's ceiling, {@code GET /api/benchmark/ceiling}: a product-sized constant answered the
 * way a product is (the same servlet path, headers, JSON and conditional GET as a cached product,
 * {@code catalog.boundary.ProductResponses}), with no cache and no database behind it, so that a
 * benchmark can tell the server's own limit from what the caching layer costs. Off (404, from JAX-RS)
 * unless {@code ecolaura.benchmark.ceiling=true}. At the same place in the filter chain as
 * {@code ProductResponses} ({@code WEB-INF/web.xml}).
 */
public class Ceiling extends HttpFilter {

    @Inject
    HttpCaching http;

    @Inject
    @ConfigProperty(name = "ecolaura.benchmark.ceiling", defaultValue = "false")
    boolean enabled;

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
            "/images/products/42.00000000.w640.jpg",
            0,
            Instant.parse("2026-11-26T10:26:09Z"));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enabled
                || !"GET".equals(request.getMethod())
                || !http.serve(
                        request,
                        response,
                        CONSTANT.version(),
                        CacheNames.PRODUCTS,
                        () -> SurrogateKeys.of(CacheNames.PRODUCTS, CONSTANT.id()),
                        CONSTANT)) {
            chain.doFilter(request, response);
        }
    }
}
