package com.ecolaura.profiles.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Work;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.profiles.entity.ProfileInput;
import com.ecolaura.profiles.entity.ProfileSaved;
import com.ecolaura.profiles.entity.ProfileView;
import com.ecolaura.profiles.entity.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;

/** Shopper profiles, cached per user id (never under a shared key). */
@ApplicationScoped
public class ProfileStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ProfileSaved> saved;

    @CacheResult(cacheName = CacheNames.PROFILES)
    @Transactional
    public ProfileView find(@CacheKey String userId) {
        CacheMetrics.work(Work.PROFILE_LOADS);
        UserProfile profile = em.find(UserProfile.class, userId);
        if (profile == null) {
            throw new NotFoundException("no profile for user " + userId);
        }
        return ProfileView.of(profile);
    }

    /**
     * Creates or replaces the profile if it is at one of {@code expectedVersions} (any, when empty; a
     * profile that does not exist yet is at none): else 412, and nothing changes. The cache gets the
     * committed view after the commit.
     */
    @Transactional
    public ProfileView save(String userId, ProfileInput input, Set<Long> expectedVersions) {
        UserProfile existing = em.find(UserProfile.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (!expectedVersions.isEmpty() && (existing == null || !expectedVersions.contains(existing.getVersion()))) {
            throw new WebApplicationException(
                    "the profile is at version " + (existing == null ? "none" : existing.getVersion())
                            + ", not the one If-Match names",
                    Response.Status.PRECONDITION_FAILED);
        }
        UserProfile profile = existing == null ? new UserProfile(userId) : existing;
        profile.setDisplayName(input.displayName().strip());
        profile.setEmail(input.email());
        List<String> categories = input.preferredCategories() == null ? List.of() : input.preferredCategories();
        profile.setPreferredCategories(String.join(",", categories));
        profile.setMinimumEcoScore(input.minimumEcoScore());
        profile.setNewsletter(input.newsletter());
        profile.touch();
        if (existing == null) {
            em.persist(profile);
        }
        em.flush();
        var view = ProfileView.of(profile);
        saved.fire(new ProfileSaved(view));
        return view;
    }
}
