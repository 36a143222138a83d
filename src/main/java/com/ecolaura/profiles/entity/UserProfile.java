package com.ecolaura.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "user_profiles")
public class UserProfile {

    @Id
    @Column(length = 64)
    private String userId;

    @Column(nullable = false, length = 120)
    private String displayName;

    @Column(length = 254)
    private String email;

    /** Comma-separated category slugs the shopper prefers. */
    @Column(length = 500)
    private String preferredCategories;

    private int minimumEcoScore;

    private boolean newsletter;

    @Version
    private long version;

    private Instant updatedAt;

    protected UserProfile() {}

    public UserProfile(String userId) {
        this.userId = userId;
    }

    public String getUserId() {
        return userId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPreferredCategories() {
        return preferredCategories;
    }

    public void setPreferredCategories(String preferredCategories) {
        this.preferredCategories = preferredCategories;
    }

    public int getMinimumEcoScore() {
        return minimumEcoScore;
    }

    public void setMinimumEcoScore(int minimumEcoScore) {
        this.minimumEcoScore = minimumEcoScore;
    }

    public boolean isNewsletter() {
        return newsletter;
    }

    public void setNewsletter(boolean newsletter) {
        this.newsletter = newsletter;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch() {
        updatedAt = Instant.now();
    }
}
