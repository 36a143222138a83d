package com.ecolaura.profiles.control;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.profiles.entity.ProfileSaved;
import com.ecolaura.profiles.entity.ProfileView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheValue;

/**
 * Writes a saved profile into the {@code profiles} cache once its transaction has committed; evicts
 * one that changed outside the shop.
 */
@ApplicationScoped
public class ProfileCacheRefresh {

    @Inject
    ProfileCacheRefresh self;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileSaved saved) {
        self.put(saved.profile().userId(), saved.profile());
    }

    @CachePut(cacheName = CacheNames.PROFILES)
    public void put(@CacheKey String userId, @CacheValue ProfileView profile) {
        // written by the @CachePut interceptor
    }

    @CacheRemove(cacheName = CacheNames.PROFILES)
    public void evict(@CacheKey String userId) {
        // evicted by the @CacheRemove interceptor
    }
}
