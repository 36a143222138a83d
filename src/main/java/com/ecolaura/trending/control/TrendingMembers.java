package com.ecolaura.trending.control;

import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.SharedRedis;
import com.ecolaura.trending.entity.TrendingList;
import jakarta.enterprise.context.ApplicationScoped;
import org.redisson.client.codec.StringCodec;

/**
 * The products shown by any cached trending list ({@code ecolaura:trending:members}), so that
 * changing a product clears the lists only when they show it. When Redis cannot tell, it says yes.
 */
@ApplicationScoped
public class TrendingMembers {

    static final String KEY = "ecolaura:trending:members";

    void record(TrendingList list) {
        if (RedisCircuit.isOpen()) {
            return;
        }
        try {
            SharedRedis.client()
                    .<String>getSet(KEY, StringCodec.INSTANCE)
                    .addAll(list.items().stream()
                            .map(item -> Long.toString(item.product().id()))
                            .toList());
        } catch (RuntimeException e) {
            RedisFailures.record("tag", KEY, e);
        }
    }

    boolean contains(long productId) {
        if (RedisCircuit.isOpen()) {
            return true; // unknown: the lists are cleared (kept for replay)
        }
        try {
            return SharedRedis.client().getSet(KEY, StringCodec.INSTANCE).contains(Long.toString(productId));
        } catch (RuntimeException e) {
            RedisFailures.record("tag", KEY, e);
            return true;
        }
    }

    void forget() {
        if (RedisCircuit.isOpen()) {
            return;
        }
        try {
            SharedRedis.client().getKeys().delete(KEY);
        } catch (RuntimeException e) {
            RedisFailures.record("tag", KEY, e);
        }
    }
}
