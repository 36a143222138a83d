package com.ecolaura.sessions.control;

import com.ecolaura.sessions.entity.ShopperSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * A shopper's own data (the profile) is served only to a session of that shopper: no session is a
 * 401, another shopper's a 403. The session cookie is the only proof of who is asking.
 */
@ApplicationScoped
public class Owners {

    public static final String COOKIE = ShopperSession.COOKIE;

    @Inject
    SessionStore sessions;

    public void require(String sessionId, String userId) {
        var session = sessions.find(sessionId)
                .orElseThrow(() -> new NotAuthorizedException("no session: POST /api/sessions first", "Session"));
        if (!session.userId().equals(userId)) {
            throw new ForbiddenException("this profile belongs to another shopper");
        }
    }
}
