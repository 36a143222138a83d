package com.ecolaura.trending.boundary;

import com.ecolaura.problems.boundary.Parameters;
import com.ecolaura.trending.control.TrendingProducts;
import com.ecolaura.trending.entity.TrendingList;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("products/trending")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrendingResource {

    @Inject
    TrendingProducts trending;

    @GET
    public TrendingList trending(@QueryParam("limit") String limit) {
        return trending.top(Parameters.number("limit", limit, 10, 1, 50));
    }
}
