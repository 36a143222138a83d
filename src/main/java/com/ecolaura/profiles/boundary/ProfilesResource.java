package com.ecolaura.profiles.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.profiles.control.ProfileStore;
import com.ecolaura.profiles.entity.ProfileInput;
import com.ecolaura.profiles.entity.ProfileView;
import com.ecolaura.profiles.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
    ProfileStore profiles;

    @GET
    public Response profile(@PathParam("userId") String userId, @Context Request request) {
        ProfileView profile = profiles.find(UserId.checked(userId));
        return HttpCaching.personal(request, profile.version(), () -> profile);
    }

    @PUT
    public ProfileView save(@PathParam("userId") String userId, @Valid @NotNull ProfileInput input) {
        return profiles.save(UserId.checked(userId), input);
    }
}
