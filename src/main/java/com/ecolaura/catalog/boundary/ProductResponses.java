package com.ecolaura.catalog.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.edge.EdgeFetch;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.ProductViews;
import com.ecolaura.catalog.control.SustainabilityScorer;
import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.database.control.RequestStatements;
import com.ecolaura.problems.boundary.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop's hottest requests, {@code GET /api/products/{id}} and its
 * {@code /sustainability-score}, answered without JAX-RS: the same cached reads
 * ({@link ProductCatalog#find}, {@link SustainabilityScorer#score}, with their near cache, single
 * flight and refreshes), the same headers and the same JSON as {@link ProductsResource}, the JSON
 * made once per cached value. Routing, providers and filters of JAX-RS cost more than a near-cache
 * hit itself, and are more code for the JIT to compile before a new instance runs at speed.
 * Anything else (a query string, other conditions, another media type, an unexpected failure) goes
 * on to {@link ProductsResource} or {@link SustainabilityScoreResource}. First in the filter chain
 * after the administration's gate ({@code WEB-INF/web.xml}): it sets every header the general filters
 * would, and each filter a hit skips is a filter chain step less.
 */
public class ProductResponses extends HttpFilter {

    private static final String PREFIX = "/api/products/";
    private static final String SCORE = "/sustainability-score";
    private static final int MAX_DIGITS = 18;

    @Inject
    ProductCatalog catalog;

    @Inject
    SustainabilityScorer scorer;

    @Inject
    ProductViews views;

    @Inject
    HttpCaching http;

    @Inject
    @ConfigProperty(name = "ecolaura.server-timing.enabled", defaultValue = "true")
    boolean serverTiming;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        boolean score = uri.endsWith(SCORE);
        long id = plainRead(request, score ? uri.substring(0, uri.length() - SCORE.length()) : uri);
        if (id < 0) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        if (serverTiming) {
            RequestStatements.begin();
        }
        try {
            var product = catalog.find(id);
            if (score) {
                var computed = scorer.score(id, product.version());
                timing(response, started);
                if (http.serveHashed(
                        request,
                        response,
                        CacheNames.SUSTAINABILITY_SCORES,
                        () -> SurrogateKeys.of(CacheNames.SUSTAINABILITY_SCORES, id),
                        computed)) {
                    return;
                }
            } else {
                timing(response, started);
                if (http.serve(
                        request,
                        response,
                        product.version(),
                        CacheNames.PRODUCTS,
                        () -> SurrogateKeys.of(CacheNames.PRODUCTS, id),
                        product)) {
                    if (!EdgeFetch.is(request.getHeader(EdgeFetch.HEADER))) {
                        views.viewed(id, session(request));
                    }
                    return;
                }
            }
        } catch (NotFoundException e) {
            timing(response, started);
            Problems.write(response, 404, e.getMessage());
            return;
        } catch (RuntimeException e) {
            // JAX-RS maps it to a problem (an incident id for the unexpected)
            RequestStatements.end();
        }
        response.reset();
        chain.doFilter(request, response);
    }

    /** The product id of a plain {@code GET /api/products/<digits>} (the score's suffix cut off), else -1. */
    private static long plainRead(HttpServletRequest request, String uri) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null) {
            return -1;
        }
        int digits = uri.length() - PREFIX.length();
        if (!uri.startsWith(PREFIX) || digits < 1 || digits > MAX_DIGITS) {
            return -1;
        }
        long id = 0;
        for (int i = PREFIX.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < '0' || c > '9' || (c == '0' && i == PREFIX.length())) {
                return -1; // ids only in canonical digits; ProductsResource answers the rest
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    private void timing(HttpServletResponse response, long started) {
        if (serverTiming) {
            String timing = RequestStatements.serverTiming(started);
            if (timing != null) {
                response.setHeader("Server-Timing", timing);
            }
        }
    }

    private static String session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (var cookie : cookies) {
                if (ProductViewed.SESSION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
