package com.ecolaura.sessions.boundary;

import com.ecolaura.sessions.control.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

/**
 * A shopper's own data (the profile) is served only to a session of that shopper: no session is a
 * 401, another shopper's a 403. The session cookie is the only proof of who is asking.
 */
@ApplicationScoped
public class Owners {

    public static final String COOKIE = SessionCookie.NAME;

    @Inject
    SessionStore sessions;

    public void require(String sessionId, String userId) {
        var session = sessions.find(sessionId).orElseThrow(SessionCookie::missing);
        if (!session.userId().equals(userId)) {
            throw new ForbiddenException("this profile belongs to another shopper");
        }
    }
}
