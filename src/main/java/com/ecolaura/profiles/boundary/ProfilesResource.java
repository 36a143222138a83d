package com.ecolaura.profiles.boundary;

import com.ecolaura.caching.boundary.HttpCaching;
import com.ecolaura.caching.boundary.IfMatch;
import com.ecolaura.problems.boundary.MergePatch;
import com.ecolaura.problems.boundary.Problems;
import com.ecolaura.problems.boundary.ReadOnlyChecks;
import com.ecolaura.problems.entity.Problem;
import com.ecolaura.profiles.control.ProfileStore;
import com.ecolaura.profiles.entity.ProfileInput;
import com.ecolaura.profiles.entity.ProfileView;
import com.ecolaura.profiles.entity.UserId;
import com.ecolaura.sessions.control.Owners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @Inject
    Validator validator;

    @GET
    public Response profile(
            @PathParam("userId") String userId, @CookieParam(Owners.COOKIE) String session, @Context Request request) {
        owners.require(session, UserId.checked(userId));
        ProfileView profile = profiles.find(userId);
        return http.personal(request, profile.version(), () -> profile);
    }

    @PUT
    @Operation(
            summary = "Creates or replaces a shopper's profile",
            description = "Takes the representation GET returns: updatedAt is ignored, userId must be the path's,"
                    + " version one If-Match names. If-Match \"v<version>\" makes it conditional (412 otherwise)")
    @APIResponse(responseCode = "412", description = "The profile is at another version than If-Match names")
    @APIResponse(
            responseCode = "400",
            description = "The body is not valid; errors names each field (a JSON pointer) and why",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response save(
            @PathParam("userId") String userId,
            @CookieParam(Owners.COOKIE) String session,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProfileInput input) {
        owners.require(session, UserId.checked(userId));
        var versions = IfMatch.versions(ifMatch);
        ReadOnlyChecks.check("userId", input.userId, userId, input.version, versions);
        return saved(profiles.save(userId, input, versions));
    }

    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Changes some fields of a shopper's profile",
            description = "A JSON merge patch (RFC 7396) of the representation GET returns, validated as a whole;"
                    + " without If-Match it applies to the version it was merged with (412 after a concurrent"
                    + " change)")
    @APIResponse(responseCode = "412", description = "The profile is at another version than If-Match names")
    @APIResponse(
            responseCode = "400",
            description = "The patched profile is not valid; errors names each field and why",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(
            @PathParam("userId") String userId,
            @CookieParam(Owners.COOKIE) String session,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE)) InputStream patch)
            throws IOException {
        owners.require(session, UserId.checked(userId));
        var versions = IfMatch.versions(ifMatch);
        ProfileView current = profiles.find(userId);
        var onto = IfMatch.onto(versions, current.version(), "the profile");
        ProfileInput input = MergePatch.applied(current, patch, ProfileInput.class, validator);
        return saved(profiles.save(userId, input, onto));
    }

    private static Response saved(ProfileView saved) {
        return Response.ok(saved).tag(HttpCaching.versionTag(saved.version())).build();
    }
}
