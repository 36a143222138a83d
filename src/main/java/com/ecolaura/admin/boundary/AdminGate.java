package com.ecolaura.admin.boundary;

import com.ecolaura.admin.control.AdminUsers;
import com.ecolaura.problems.boundary.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic for the administration (behind TLS in production), for the role {@code cache-admin}:
 * 401 without valid credentials, 403 without the role, both as problems. A servlet filter on the
 * administration's paths only, rather than a Jakarta Security mechanism: the container runs a
 * mechanism (and Soteria looks its bean up through JNDI, throwing an exception each time) for every
 * request of the application, protected or not — a quarter of a cache hit's cost. A header that
 * cannot be read (not Base64, no colon) is no credentials. First in the filter chain
 * ({@code WEB-INF/web.xml}).
 */
public class AdminGate extends HttpFilter {

    static final String REALM = "Basic realm=\"Ecolaura administration\"";
    static final String ROLE = "cache-admin";

    /** What a Basic header says. */
    record Credentials(String user, String password) {}

    @Inject
    AdminUsers users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var user = basic(request.getHeader("Authorization")).flatMap(c -> users.authenticate(c.user(), c.password()));
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", REALM);
            problem(response, 401, "the administration needs credentials");
            return;
        }
        if (!user.get().roles().contains(ROLE)) {
            problem(response, 403, "the administration needs the role " + ROLE);
            return;
        }
        chain.doFilter(new Authenticated(request, user.get()), response);
    }

    /** The credentials of a well-formed Basic header; empty for no header or one that cannot be read. */
    static Optional<Credentials> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0
                    ? Optional.empty()
                    : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Problems.write(response, status, detail);
    }

    /** The request as its authenticated user makes it: JAX-RS's SecurityContext reads these. */
    private static final class Authenticated extends HttpServletRequestWrapper {

        private final AdminUsers.User user;

        Authenticated(HttpServletRequest request, AdminUsers.User user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return user::name;
        }

        @Override
        public String getRemoteUser() {
            return user.name();
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.roles().contains(role);
        }

        @Override
        public String getAuthType() {
            return HttpServletRequest.BASIC_AUTH;
        }
    }
}
