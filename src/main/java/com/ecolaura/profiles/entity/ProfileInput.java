package com.ecolaura.profiles.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /api/profiles/{userId}}. */
public record ProfileInput(
        @NotBlank @Size(max = 120) String displayName,
        @Email @Size(max = 254) String email,
        @Size(max = 12) List<@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String> preferredCategories,
        @Min(0) @Max(100) int minimumEcoScore,
        boolean newsletter) {}
