package com.ecolaura.profiles.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.profiles.control.ProfileStore;
import com.ecolaura.profiles.entity.ProfileInput;
import com.ecolaura.profiles.entity.ProfileView;
import com.ecolaura.profiles.entity.UserId;
import com.ecolaura.sessions.control.Owners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("profiles/{userId}")
@Tag(name = "profiles")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfilesResource {

    @Inject
    HttpCaching http;

    @Inject
    ProfileStore profiles;

    @Inject
    Owners owners;

    @GET
    public Response profile(
            @PathParam("userId") String userId, @CookieParam(Owners.COOKIE) String session, @Context Request request) {
        owners.require(session, UserId.checked(userId));
        ProfileView profile = profiles.find(userId);
        return http.personal(request, profile.version(), () -> profile);
    }

    @PUT
    public ProfileView save(
            @PathParam("userId") String userId,
            @CookieParam(Owners.COOKIE) String session,
            @Valid @NotNull ProfileInput input) {
        owners.require(session, UserId.checked(userId));
        return profiles.save(userId, input);
    }
}
