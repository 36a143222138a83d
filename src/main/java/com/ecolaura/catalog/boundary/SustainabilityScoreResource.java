package com.ecolaura.catalog.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.SustainabilityScorer;
import com.ecolaura.problems.boundary.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A product's sustainability score, for what {@link ProductResponses} passes on (a query string,
 * other conditions, another media type).
 */
@Path("products/{id}/sustainability-score")
@Tag(name = "catalog")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SustainabilityScoreResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    SustainabilityScorer scorer;

    @Inject
    HttpCaching http;

    @GET
    @Operation(
            summary = "A product's sustainability score and its components",
            description = "Cached per product version")
    public Response score(@PathParam("id") String id, @Context Request request) {
        long productId = Parameters.id("product id", id);
        return http.hashed(
                request,
                CacheNames.SUSTAINABILITY_SCORES,
                () -> SurrogateKeys.of(CacheNames.SUSTAINABILITY_SCORES, productId),
                scorer.score(productId, catalog.find(productId).version()));
    }
}
