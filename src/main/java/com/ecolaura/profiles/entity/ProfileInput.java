package com.ecolaura.profiles.entity;

import com.ecolaura.problems.entity.Words;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /api/profiles/{userId}}. */
public class ProfileInput {

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
