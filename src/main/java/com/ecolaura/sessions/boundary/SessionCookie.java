package com.ecolaura.sessions.boundary;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, Secure (unless {@code ecolaura.session.cookie-secure=false}), SameSite=Lax. */
final class SessionCookie {

    static final String NAME = com.ecolaura.sessions.entity.ShopperSession.COOKIE;

    private SessionCookie() {}

    static NewCookie of(String sessionId, boolean secure) {
        return base(sessionId, secure).build();
    }

    static NewCookie expired(boolean secure) {
        return base("", secure).maxAge(0).build();
    }

    static NotAuthorizedException missing() {
        return new NotAuthorizedException("no session: POST /api/sessions first", "Session");
    }

    private static NewCookie.Builder base(String value, boolean secure) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
