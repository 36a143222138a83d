package com.ecolaura.catalog.boundary;

import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.ProductViews;
import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.problems.boundary.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A view the shop did not see: the storefront reports a product an edge cache answered (the edge's
 * own fetches are not counted as views, docs/caching.md).
 */
@Path("products/{id}/views")
@Tag(name = "catalog")
@ApplicationScoped
public class ProductViewsResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductViews views;

    @POST
    @Operation(
            summary = "Counts a view of a product",
            description = "For a page that read the product through an edge cache, which the shop does not see")
    @APIResponse(responseCode = "204", description = "Counted")
    @APIResponse(responseCode = "404", description = "No such product")
    public Response view(@PathParam("id") String id, @CookieParam(ProductViewed.SESSION_COOKIE) String session) {
        long productId = Parameters.id("product id", id);
        catalog.find(productId);
        views.viewed(productId, session);
        return Response.noContent().header("Cache-Control", "no-store").build();
    }
}
