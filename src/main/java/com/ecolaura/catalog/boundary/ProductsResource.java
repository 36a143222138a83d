package com.ecolaura.catalog.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.boundary.IfMatch;
import com.ecolaura.caching.edge.EdgeFetch;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.control.Categories;
import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.control.ProductParts;
import com.ecolaura.catalog.control.ProductViews;
import com.ecolaura.catalog.entity.FieldSelection;
import com.ecolaura.catalog.entity.ProductInput;
import com.ecolaura.catalog.entity.ProductPage;
import com.ecolaura.catalog.entity.ProductSummary;
import com.ecolaura.catalog.entity.ProductView;
import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.problems.boundary.MergePatch;
import com.ecolaura.problems.boundary.Parameters;
import com.ecolaura.problems.boundary.Problems;
import com.ecolaura.problems.boundary.ReadOnlyChecks;
import com.ecolaura.problems.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("products")
@Tag(name = "catalog")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {

    static final String EXAMPLE =
            """
            {"id":42,"sku":"ECO-0000042","name":"Compostable Flax Fibre Power Bank","category":"electronics",
             "brand":"Greenhive","price":117.53,"currency":"EUR","stock":36,
             "materials":["flax fibre","virgin plastic","recycled aluminium"],"certifications":[],
             "carbonFootprintKg":54.712,"recycledContentPercent":20,"packaging":"RECYCLABLE","originCountry":"JP",
             "ecoScore":35,"version":0,"updatedAt":"2026-11-26T10:26:09Z"}""";

    @Inject
    Validator validator;

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductParts parts;

    @Inject
    ProductViews views;

    @Inject
    Categories categories;

    @Inject
    HttpCaching http;

    @GET
    @Path("{id}")
    @Operation(
            summary = "A product",
            description = "From the products cache; ETag \"v<version>\", 304 on If-None-Match")
    @APIResponse(
            responseCode = "200",
            description = "The product",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "product 42", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = "The client's version is current")
    @APIResponse(responseCode = "400", description = "Not a product id, or fields names no field of a product")
    @APIResponse(responseCode = "404", description = "No such product")
    public Response product(
            @PathParam("id") String id,
            @Parameter(
                            description = "Only these fields (comma-separated), served from the field caches: "
                                    + "stable details and the volatile offer (price, stock) apart",
                            example = "name,price")
                    @QueryParam("fields")
                    String fields,
            @CookieParam(ProductViewed.SESSION_COOKIE) String session,
            @HeaderParam(EdgeFetch.HEADER) String edgeFetch,
            @Context Request request) {
        long productId = Parameters.id("product id", id);
        boolean view = !EdgeFetch.is(edgeFetch);
        if (fields != null) {
            return selected(productId, fields, view, session, request);
        }
        ProductView product = catalog.find(productId);
        if (view) {
            views.viewed(productId, session);
        }
        return http.versioned(
                request,
                product.version(),
                CacheNames.PRODUCTS,
                () -> SurrogateKeys.of(CacheNames.PRODUCTS, productId),
                () -> product);
    }

    private Response selected(long productId, String fields, boolean view, String session, Request request) {
        FieldSelection selection;
        try {
            selection = FieldSelection.parse(Parameters.text("fields", fields, 400));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        var details = selection.needsDetails() ? parts.details(productId) : null;
        var offer = selection.needsOffer() ? parts.offer(productId) : null;
        if (view) {
            views.viewed(productId, session);
        }
        String cacheName = offer != null ? CacheNames.PRODUCT_OFFERS : CacheNames.PRODUCT_DETAILS;
        return http.hashed(
                request, cacheName, () -> SurrogateKeys.of(cacheName, productId), selection.of(details, offer));
    }

    /**
     * A page of the catalog, cached by browsers and edges like a search page (its policy, its keys):
     * purged when a product on it changes, or when a change can alter which products are listed.
     */
    @GET
    @APIResponse(
            responseCode = "200",
            description = "A page of products; ETag the hash of the JSON",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "304", description = "The client's copy is current")
    public Response products(
            @QueryParam("category") String category,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context Request request) {
        ProductPage listed = catalog.list(
                categories.known(category),
                Parameters.number("page", page, 0, 0, 10_000),
                Parameters.number("size", size, 20, 1, 100));
        return http.hashed(
                request,
                CacheNames.SEARCH_RESULTS,
                () -> SurrogateKeys.of(
                        CacheNames.SEARCH_RESULTS, listed.items().stream().mapToLong(ProductSummary::id)),
                listed);
    }

    @POST
    public Response create(@Valid @NotNull ProductInput input, @Context UriInfo uri) {
        ProductView created = catalog.create(input);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .tag(HttpCaching.versionTag(created.version()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(
            summary = "Replaces a product",
            description = "Takes the representation GET returns: ecoScore and updatedAt are ignored, id must be"
                    + " the path's, version one If-Match names. If-Match \"v<version>\" makes it conditional"
                    + " (412 otherwise)")
    @APIResponse(responseCode = "412", description = "The product is at another version than If-Match names")
    @APIResponse(
            responseCode = "400",
            description = "The body is not valid; errors names each field (a JSON pointer) and why",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProductInput input) {
        long productId = Parameters.id("product id", id);
        var versions = IfMatch.versions(ifMatch);
        ReadOnlyChecks.check("id", input.id, productId, input.version, versions);
        return updated(catalog.update(productId, input, versions));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Changes some fields of a product",
            description = "A JSON merge patch (RFC 7396) of the representation GET returns; the result is validated"
                    + " as a whole, as a PUT body. Without If-Match it applies to the version it was merged"
                    + " with: a concurrent change makes it a 412, never a lost update")
    @APIResponse(responseCode = "412", description = "The product is at another version than If-Match names")
    @APIResponse(
            responseCode = "400",
            description = "The patched product is not valid; errors names each field and why",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE)) InputStream patch)
            throws IOException {
        long productId = Parameters.id("product id", id);
        var versions = IfMatch.versions(ifMatch);
        ProductView current = catalog.find(productId);
        var onto = IfMatch.onto(versions, current.version(), "product " + productId);
        ProductInput input = MergePatch.applied(current, patch, ProductInput.class, validator);
        return updated(catalog.update(productId, input, onto));
    }

    private static Response updated(ProductView updated) {
        return Response.ok(updated)
                .tag(HttpCaching.versionTag(updated.version()))
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        catalog.delete(Parameters.id("product id", id));
        return Response.noContent().build();
    }
}
