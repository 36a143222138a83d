package com.ecolaura.sessions.boundary;

import com.ecolaura.sessions.control.SessionStore;
import com.ecolaura.sessions.entity.SessionStart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("sessions")
@Tag(name = "sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    SessionStore sessions;

    @Inject
    @ConfigProperty(name = "ecolaura.session.cookie-secure", defaultValue = "true")
    boolean secureCookies;

    /** A demo login by user id: starts a session and sets its cookie. */
    @POST
    public Response start(@Valid @NotNull SessionStart start) {
        var session = sessions.start(start.userId());
        var body = Json.createObjectBuilder()
                .add("userId", session.userId())
                .add("idleTimeoutSeconds", sessions.idleTimeout().toSeconds())
                .build();
        return Response.status(Response.Status.CREATED)
                .cookie(SessionCookie.of(session.id(), secureCookies))
                .cacheControl(CacheControl.valueOf("no-store"))
                .entity(body.toString())
                .build();
    }

    @DELETE
    @Path("current")
    public Response end(@CookieParam(SessionCookie.NAME) String sessionId) {
        if (sessionId == null || sessions.find(sessionId).isEmpty()) {
            throw SessionCookie.missing();
        }
        sessions.end(sessionId);
        return Response.noContent().cookie(SessionCookie.expired(secureCookies)).build();
    }
}
