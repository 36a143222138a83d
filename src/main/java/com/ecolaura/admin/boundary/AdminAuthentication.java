package com.ecolaura.admin.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic for the administration (behind TLS in production), checked against {@code AdminUsers}. */
@BasicAuthenticationMechanismDefinition(realmName = "Ecolaura administration")
@DeclareRoles({"cache-admin", "cache-viewer"})
@ApplicationScoped
public class AdminAuthentication {}
