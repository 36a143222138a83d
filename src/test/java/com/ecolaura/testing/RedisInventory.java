package com.ecolaura.testing;

import java.util.Map;
import java.util.TreeMap;
import org.redisson.Redisson;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * What Redis holds that nothing will ever expire: every key without a TTL, and its size (fields of a
 * hash, members of a set or sorted set, entries of a stream, bytes of a string).
 */
public final class RedisInventory implements AutoCloseable {

    private final RedissonClient redis;

    public RedisInventory(String address) {
        var config = new Config();
        config.useSingleServer().setAddress(address);
        redis = Redisson.create(config);
    }

    /** Key → size, for each key without a TTL. */
    public Map<String, Long> withoutTtl() {
        var sizes = new TreeMap<String, Long>();
        var keys = redis.getKeys();
        for (String key : keys.getKeys()) {
            if (keys.remainTimeToLive(key) != -1) {
                continue; // expires (or is gone already)
            }
            RType type = keys.getType(key);
            if (type == null) {
                continue;
            }
            sizes.put(
                    key,
                    switch (type) {
                        case MAP ->
                            (long) redis.getMap(key, StringCodec.INSTANCE).size();
                        case SET ->
                            (long) redis.getSet(key, StringCodec.INSTANCE).size();
                        case ZSET ->
                            (long) redis.getScoredSortedSet(key, StringCodec.INSTANCE)
                                    .size();
                        case LIST ->
                            (long) redis.getList(key, StringCodec.INSTANCE).size();
                        case STREAM ->
                            redis.getStream(key, StringCodec.INSTANCE).size();
                        case OBJECT ->
                            redis.getBucket(key, StringCodec.INSTANCE).size();
                        default -> 0L;
                    });
        }
        return sizes;
    }

    @Override
    public void close() {
        redis.shutdown();
    }
}
