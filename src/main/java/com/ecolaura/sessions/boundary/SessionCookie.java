package com.ecolaura.sessions.boundary;

import com.ecolaura.redis.control.Settings;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, Secure (unless {@code ecolaura.session.cookie-secure=false}), SameSite=Lax. */
final class SessionCookie {

    static final String NAME = com.ecolaura.sessions.entity.ShopperSession.COOKIE;

    private SessionCookie() {}

    static NewCookie of(String sessionId) {
        return base(sessionId).build();
    }

    static NewCookie expired() {
        return base("").maxAge(0).build();
    }

    static NotAuthorizedException missing() {
        return new NotAuthorizedException("no session: POST /api/sessions first", "Session");
    }

    private static NewCookie.Builder base(String value) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(Settings.flag("ecolaura.session.cookie-secure", true))
                .sameSite(NewCookie.SameSite.LAX);
    }
}
