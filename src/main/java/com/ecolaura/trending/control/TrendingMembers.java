package com.ecolaura.trending.control;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.trending.entity.TrendingList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.client.codec.StringCodec;

/**
 * The products shown by any cached trending list ({@code ecolaura:trending:members}, kept as long as
 * a trending entry can live), so that changing a product clears the lists only when they show it.
 * When Redis cannot tell, it says yes.
 */
@ApplicationScoped
public class TrendingMembers {

    static final String KEY = "ecolaura:trending:members";

    @Inject
    RedisGateway redis;

    @Inject
    CachePolicies policies;

    void record(TrendingList list) {
        var members = list.items().stream()
                .map(item -> Long.toString(item.product().id()))
                .toList();
        var lifetime = policies.of(CacheNames.TRENDING).lifetime();
        redis.run("tag", "trending", client -> {
            var set = client.<String>getSet(KEY, StringCodec.INSTANCE);
            set.addAll(members);
            set.expire(lifetime);
        });
    }

    boolean contains(long productId) {
        // unknown: the lists are cleared (and the clearing kept for replay)
        return redis.call(
                "tag",
                "trending",
                client -> client.getSet(KEY, StringCodec.INSTANCE).contains(Long.toString(productId)),
                true);
    }

    void forget() {
        redis.run("tag", "trending", client -> client.getKeys().delete(KEY));
    }
}
