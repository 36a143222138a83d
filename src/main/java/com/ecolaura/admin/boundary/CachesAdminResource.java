package com.ecolaura.admin.boundary;

import com.ecolaura.admin.control.AuditLog;
import com.ecolaura.admin.control.CacheAdministration;
import com.ecolaura.admin.entity.CacheStatus;
import com.ecolaura.problems.boundary.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cache administration, for the role {@code cache-admin} (web.xml constrains {@code /api/admin/*}; the
 * container answers 401 and 403). Every change is audited with the caller's name.
 */
@Path("admin")
@Tag(name = "admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CachesAdminResource {

    @Inject
    CacheAdministration caches;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @GET
    @Path("caches")
    public List<CacheStatus> list() {
        return caches.caches();
    }

    @GET
    @Path("caches/{name}")
    public CacheStatus status(@PathParam("name") String name) {
        return caches.status(name);
    }

    @DELETE
    @Path("caches/{name}")
    public Response clear(@PathParam("name") String name) {
        long companions = caches.clear(name);
        audit.record(caller(), "clear-cache", name);
        return Response.ok(Json.createObjectBuilder()
                        .add("cleared", name)
                        .add("companionKeysRemoved", companions)
                        .build()
                        .toString())
                .build();
    }

    @DELETE
    @Path("caches/{name}/entries/{key}")
    public Response evict(@PathParam("name") String name, @PathParam("key") String key) {
        Parameters.text("key", key, 500);
        caches.evict(name, key);
        audit.record(caller(), "evict-key", name + "[" + key + "]");
        return Response.noContent().build();
    }

    @POST
    @Path("caches/{name}/warm")
    public Response warm(@PathParam("name") String name, @QueryParam("limit") String limit) {
        int warmed = caches.warm(name, Parameters.number("limit", limit, 500, 1, 100_000));
        audit.record(caller(), "warm-cache", name + " (" + warmed + ")");
        return Response.ok(Json.createObjectBuilder()
                        .add("warmed", name)
                        .add("entries", warmed)
                        .build()
                        .toString())
                .build();
    }

    @GET
    @Path("redis")
    public Map<String, Object> redis() {
        return caches.redis();
    }

    @GET
    @Path("regions")
    public List<String> regions() {
        return caches.regions();
    }

    @DELETE
    @Path("regions/{region}")
    public Response evictRegion(@PathParam("region") String region) {
        caches.evictRegion(region);
        audit.record(caller(), "evict-region", region);
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    public List<Map<String, String>> auditTrail(@QueryParam("count") String count) {
        return audit.latest(Parameters.number("count", count, 100, 1, 1_000));
    }

    private String caller() {
        return security.getUserPrincipal() == null
                ? "anonymous"
                : security.getUserPrincipal().getName();
    }
}
