package com.ecolaura.admin.control;

import com.ecolaura.redis.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The administration users, from {@code ecolaura.admin.users}:
 * {@code name=password:role,role;name=password:role} (roles: {@code cache-admin}, {@code cache-viewer}).
 * With none configured, one {@code admin} with a random password, logged once at start.
 */
@ApplicationScoped
public class AdminUsers implements IdentityStore {

    private static final System.Logger LOG = System.getLogger(AdminUsers.class.getName());

    record User(byte[] password, Set<String> roles) {}

    private final Map<String, User> users = new HashMap<>();

    /** Created at start, so that a generated password is in the log before anyone needs it. */
    void atStart(@Observes Startup startup) {
        // creating the bean loads the users
    }

    @PostConstruct
    void load() {
        var configured = Settings.text("ecolaura.admin.users");
        if (configured.isEmpty()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            users.put("admin", new User(password.getBytes(StandardCharsets.UTF_8), Set.of("cache-admin")));
            LOG.log(
                    Level.WARNING,
                    "no ecolaura.admin.users configured: user ''admin'', password ''{0}'' for this run",
                    password);
            return;
        }
        for (String entry : configured.get().split(";")) {
            int equals = entry.indexOf('=');
            int colon = entry.lastIndexOf(':');
            if (equals <= 0 || colon <= equals) {
                throw new IllegalArgumentException("ecolaura.admin.users: expected name=password:role[,role] entries");
            }
            users.put(
                    entry.substring(0, equals).strip(),
                    new User(
                            entry.substring(equals + 1, colon).getBytes(StandardCharsets.UTF_8),
                            Set.of(entry.substring(colon + 1).strip().split(","))));
        }
    }

    @Override
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        User user = users.get(login.getCaller());
        byte[] given = login.getPasswordAsString().getBytes(StandardCharsets.UTF_8);
        // constant time, so that the answer's timing does not tell how much of a password was right
        if (user == null || !MessageDigest.isEqual(user.password(), given)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), user.roles());
    }
}
