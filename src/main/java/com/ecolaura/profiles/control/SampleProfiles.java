package com.ecolaura.profiles.control;

import com.ecolaura.catalog.entity.SampleCatalogWritten;
import com.ecolaura.profiles.entity.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sample shoppers {@code user-1} … {@code user-N} for a new database. */
@ApplicationScoped
public class SampleProfiles {

    private static final List<String> FIRST_NAMES = List.of(
            "Ada", "Ben", "Chloé", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas", "Kira", "Luca", "Maya",
            "Noor", "Oskar", "Priya");
    private static final List<String> FAVOURITES =
            List.of("kitchen", "home", "fashion", "beauty", "garden", "outdoor", "food", "cleaning");

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "ecolaura.profiles.sample-size", defaultValue = "200")
    int count;

    /** A new database got its sample catalog: it gets sample shoppers too. */
    @Transactional
    void write(@Observes SampleCatalogWritten catalog) {
        for (int n = 1; n <= count; n++) {
            em.persist(profile(n));
        }
    }

    private static UserProfile profile(int n) {
        var profile = new UserProfile("user-" + n);
        profile.setDisplayName(FIRST_NAMES.get(n % FIRST_NAMES.size()) + " " + (char) ('A' + n % 26) + ".");
        profile.setEmail("user-" + n + "@example.org");
        profile.setPreferredCategories(
                FAVOURITES.get(n % FAVOURITES.size()) + "," + FAVOURITES.get((n * 7 + 3) % FAVOURITES.size()));
        profile.setMinimumEcoScore(n % 5 * 10);
        profile.setNewsletter(n % 3 == 0);
        profile.touch();
        return profile;
    }
}
