package com.ecolaura.trending.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.problems.boundary.Parameters;
import com.ecolaura.trending.control.TrendingProducts;
import com.ecolaura.trending.entity.TrendingList;
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

@Path("products/trending")
@Tag(name = "trending")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrendingResource {

    @Inject
    HttpCaching http;

    @Inject
    TrendingProducts trending;

    @GET
    public Response trending(@QueryParam("limit") String limit, @Context Request request) {
        TrendingList list = trending.top(Parameters.number("limit", limit, 10, 1, 50));
        return http.hashed(
                request,
                CacheNames.TRENDING,
                () -> SurrogateKeys.of(
                        CacheNames.TRENDING,
                        list.items().stream().mapToLong(item -> item.product().id())),
                list);
    }
}
