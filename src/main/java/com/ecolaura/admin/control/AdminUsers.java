package com.ecolaura.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The administration users, from {@code ecolaura.admin.users}:
 * {@code name=password:role,role;name=password:role} (roles: {@code cache-admin}, {@code cache-viewer}).
 * With none configured, one {@code admin} with a random password, logged once at start.
 */
@ApplicationScoped
public class AdminUsers {

    private static final System.Logger LOG = System.getLogger(AdminUsers.class.getName());

    /** An administration user who proved who they are. */
    public record User(String name, Set<String> roles) {}

    private record Account(byte[] password, Set<String> roles) {}

    @Inject
    @ConfigProperty(name = "ecolaura.admin.users")
    Optional<String> configured;

    private final Map<String, Account> accounts = new HashMap<>();

    /** At start, so that a generated password is in the log before anyone needs it. */
    synchronized void load(@Observes Startup startup) {
        if (!accounts.isEmpty()) {
            return; // Payara Micro has been seen to deliver Startup twice: one password per run
        }
        var users = configured.map(String::strip).filter(text -> !text.isEmpty());
        if (users.isEmpty()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            accounts.put("admin", new Account(password.getBytes(StandardCharsets.UTF_8), Set.of("cache-admin")));
            LOG.log(
                    Level.WARNING,
                    "no ecolaura.admin.users configured: user ''admin'', password ''{0}'' for this run",
                    password);
            return;
        }
        for (String entry : users.get().split(";")) {
            int equals = entry.indexOf('=');
            int colon = entry.lastIndexOf(':');
            if (equals <= 0 || colon <= equals) {
                throw new IllegalArgumentException("ecolaura.admin.users: expected name=password:role[,role] entries");
            }
            accounts.put(
                    entry.substring(0, equals).strip(),
                    new Account(
                            entry.substring(equals + 1, colon).getBytes(StandardCharsets.UTF_8),
                            Set.of(entry.substring(colon + 1).strip().split(","))));
        }
    }

    /** The user, if the password is theirs. */
    public synchronized Optional<User> authenticate(String name, String password) {
        var account = accounts.get(name);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        // constant time, so that the answer's timing does not tell how much of a password was right
        if (account == null || !MessageDigest.isEqual(account.password(), given)) {
            return Optional.empty();
        }
        return Optional.of(new User(name, account.roles()));
    }
}
