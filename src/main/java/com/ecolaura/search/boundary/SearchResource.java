package com.ecolaura.search.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.control.Categories;
import com.ecolaura.catalog.entity.ProductSummary;
import com.ecolaura.problems.boundary.Parameters;
import com.ecolaura.problems.entity.InvalidRequestException;
import com.ecolaura.search.control.ProductSearch;
import com.ecolaura.search.control.SearchTags;
import com.ecolaura.search.entity.SearchPage;
import com.ecolaura.search.entity.SearchQuery;
import com.ecolaura.search.entity.SearchSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("search")
@Tag(name = "search")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    HttpCaching http;

    static final int MAX_QUERY_LENGTH = 200;

    @Inject
    ProductSearch search;

    @Inject
    Categories categories;

    @Inject
    SearchTags tags;

    @GET
    public Response search(
            @QueryParam("q") String text,
            @QueryParam("category") String category,
            @QueryParam("minScore") String minScore,
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context Request request) {
        SearchPage results = search.search(new SearchQuery(
                tags.generation(),
                Parameters.text("q", text, MAX_QUERY_LENGTH),
                categories.known(category),
                Parameters.optionalNumber("minScore", minScore, 0, 100),
                SearchSort.of(sort)
                        .orElseThrow(() ->
                                InvalidRequestException.ofParameter("sort", "must be one of " + SearchSort.choices())),
                Parameters.number("page", page, 0, 0, 1_000),
                Parameters.number("size", size, 20, 1, 100)));
        return http.hashed(
                request,
                CacheNames.SEARCH_RESULTS,
                () -> SurrogateKeys.of(
                        CacheNames.SEARCH_RESULTS, results.items().stream().mapToLong(ProductSummary::id)),
                results);
    }
}
