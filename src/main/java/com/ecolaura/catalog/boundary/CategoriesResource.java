package com.ecolaura.catalog.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.control.Categories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The catalog's categories, for filters: small, rarely changed, cached by browsers and edges with
 * the product details' policy (its query is in Hibernate's query cache).
 */
@Path("categories")
@Tag(name = "catalog")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    @Inject
    Categories categories;

    @Inject
    HttpCaching http;

    @GET
    @Operation(summary = "Every category", description = "Slug and name, by slug; ETag the hash of the JSON")
    public Response categories(@Context Request request) {
        return http.hashed(
                request,
                CacheNames.PRODUCT_DETAILS,
                () -> SurrogateKeys.of(CacheNames.PRODUCT_DETAILS),
                categories.all());
    }
}
