package com.ecolaura.profiles.entity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A shopper's profile as the API shows it (and as the {@code profiles} cache holds it). */
public record ProfileView(
        String userId,
        String displayName,
        String email,
        List<String> preferredCategories,
        int minimumEcoScore,
        boolean newsletter,
        long version,
        Instant updatedAt) {

    public static ProfileView of(UserProfile profile) {
        String categories = profile.getPreferredCategories();
        return new ProfileView(
                profile.getUserId(),
                profile.getDisplayName(),
                profile.getEmail(),
                categories == null || categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",")),
                profile.getMinimumEcoScore(),
                profile.isNewsletter(),
                profile.getVersion(),
                profile.getUpdatedAt());
    }
}
