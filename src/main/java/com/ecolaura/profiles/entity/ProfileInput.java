package com.ecolaura.profiles.entity;

import com.ecolaura.problems.entity.ReadOnlyFields;
import com.ecolaura.problems.entity.Words;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /api/profiles/{userId}}: what {@code GET} returns, whose read-only fields
 * are dropped ({@code updatedAt}) or checked ({@code userId} against the path, {@code version}
 * against {@code If-Match}).
 */
@ReadOnlyFields("updatedAt")
public class ProfileInput {

    /** Read-only: if given, it must be the user the path names. */
    public String userId;

    /** Read-only: if given with {@code If-Match}, it must be a version If-Match names. */
    public Long version;

    @NotBlank
    @Size(max = 120)
    public String displayName;

    @Email
    @Size(max = 254)
    public String email;

    @Size(max = 12)
    @Words(maxLength = 40, pattern = "[a-z0-9-]+")
    public List<String> preferredCategories;

    @Min(0)
    @Max(100)
    public int minimumEcoScore;

    public boolean newsletter;

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public List<String> preferredCategories() {
        return preferredCategories;
    }

    public int minimumEcoScore() {
        return minimumEcoScore;
    }

    public boolean newsletter() {
        return newsletter;
    }
}
