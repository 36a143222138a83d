package com.ecolaura.caching.region;

import com.ecolaura.redis.control.RedisRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Clears the second-level cache before the circuit closes, if one of its writes missed Redis during the outage. */
@ApplicationScoped
public class RegionRecovery {

    void clearSuspectRegions(@Observes RedisRecovery recovery) {
        if (!GuardedRegionStorage.clearIfSuspect(recovery.redis())) {
            recovery.failed();
        }
    }
}
