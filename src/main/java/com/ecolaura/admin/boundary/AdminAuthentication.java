package com.ecolaura.admin.boundary;

import com.ecolaura.admin.control.AdminUsers;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic for the administration (behind TLS in production), checked against {@link AdminUsers}.
 * Our own rather than the built-in Basic mechanism, which answered any malformed {@code
 * Authorization} header (not Base64, no colon) with a 500 on every URL: a header that cannot be
 * read is treated as no credentials, so a protected resource answers 401 and any other ignores it.
 */
@DeclareRoles({"cache-admin", "cache-viewer"})
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "Basic realm=\"Ecolaura administration\"";

    @Inject
    AdminUsers users;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var credential = basic(request.getHeader("Authorization"));
        if (credential.isPresent()) {
            var result = users.validate(credential.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        response.setHeader("WWW-Authenticate", REALM);
        return context.responseUnauthorized();
    }

    /** The credentials of a well-formed Basic header; empty for no header or one that cannot be read. */
    static Optional<UsernamePasswordCredential> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0
                    ? Optional.empty()
                    : Optional.of(
                            new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
