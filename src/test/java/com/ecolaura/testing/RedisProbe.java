package com.ecolaura.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** Looks straight into the test's Redis: keys, hash fields, raw values, expiry scores. */
public class RedisProbe implements AutoCloseable {

    private final RedissonClient redis;

    public RedisProbe() {
        this(ShopInfrastructure.redisAddress());
    }

    public RedisProbe(String address) {
        var config = new Config();
        config.useSingleServer().setAddress(address);
        redis = Redisson.create(config);
    }

    /** The newest entries of a Redis stream, newest first, as field maps. */
    public java.util.List<java.util.Map<String, String>> stream(String name, int count) {
        return new java.util.ArrayList<>(redis.<String, String>getStream(name, StringCodec.INSTANCE)
                .rangeReversed(count, org.redisson.api.StreamMessageId.MAX, org.redisson.api.StreamMessageId.MIN)
                .values());
    }

    public List<String> keys() {
        var keys = new ArrayList<String>();
        redis.getKeys().getKeys().forEach(keys::add);
        return keys;
    }

    /** The largest members of a sorted set, largest first. */
    public List<String> topOf(String sortedSet, int count) {
        return List.copyOf(
                redis.getScoredSortedSet(sortedSet, StringCodec.INSTANCE).valueRangeReversed(0, count - 1).stream()
                        .map(String::valueOf)
                        .toList());
    }

    /** Sets a member's score in a sorted set. */
    public void score(String sortedSet, String member, double score) {
        redis.getScoredSortedSet(sortedSet, StringCodec.INSTANCE).add(score, member);
    }

    /** A key's time to live in milliseconds (Redis PTTL): -1 when it has none, -2 when it does not exist. */
    public long millisToLive(String key) {
        return redis.getKeys().remainTimeToLive(key);
    }

    public boolean hasField(String hash, String field) {
        return redis.getMap(hash, StringCodec.INSTANCE).containsKey(field);
    }

    public String field(String hash, String field) {
        return (String) redis.getMap(hash, StringCodec.INSTANCE).get(field);
    }

    /** The expiry time (epoch millis) Redisson's JCache recorded for a key of a cache. */
    public Double expiryOf(String cache, String key) {
        return redis.getScoredSortedSet("jcache_timeout_set:{" + cache + "}", StringCodec.INSTANCE)
                .getScore(key);
    }

    /** The catalog generation that search keys carry. */
    public long generation() {
        return redis.getAtomicLong("ecolaura:catalog:generation").get();
    }

    /**
     * Removes an entry as another shop instance's eviction would: from Redis, and from every near
     * cache through their invalidation channel.
     */
    public void evict(String cache, String key) {
        redis.getMap(cache, StringCodec.INSTANCE).fastRemove(key);
        redis.getScoredSortedSet("jcache_timeout_set:{" + cache + "}", StringCodec.INSTANCE)
                .remove(key);
        redis.getTopic(NEAR_CACHE_CHANNEL, StringCodec.INSTANCE).publish("test-probe\n" + cache + "\n" + key);
    }

    private static final String NEAR_CACHE_CHANNEL = "ecolaura:near-cache:invalidations";

    /** Drops an entry from every instance's near cache, leaving it in Redis (as a lost near copy would be). */
    public void dropFromNearCaches(String cache, String key) {
        redis.getTopic(NEAR_CACHE_CHANNEL, StringCodec.INSTANCE).publish("test-probe\n" + cache + "\n" + key);
    }

    public void deleteKeys(String... keys) {
        redis.getKeys().delete(keys);
    }

    /** Removes every entry of a JCache cache, from Redis and from every near cache. */
    public void clear(String cache) {
        redis.getKeys().delete(cache, "jcache_timeout_set:{" + cache + "}");
        redis.getTopic(NEAR_CACHE_CHANNEL, StringCodec.INSTANCE).publish("test-probe\n" + cache);
    }

    /** Every key name, hash field and value in Redis, as raw bytes. */
    /** A hash's fields and values as Redis holds them. */
    public Map<byte[], byte[]> rawHash(String hash) {
        var raw = new java.util.LinkedHashMap<byte[], byte[]>();
        redis.getMap(hash, ByteArrayCodec.INSTANCE)
                .readAllMap()
                .forEach((field, value) -> raw.put((byte[]) field, (byte[]) value));
        return raw;
    }

    /** Writes raw bytes into a hash field, as anyone with access to Redis could. */
    public void plant(String hash, byte[] field, byte[] value) {
        redis.getMap(hash, ByteArrayCodec.INSTANCE).fastPut(field, value);
    }

    public List<byte[]> everything() {
        var all = new ArrayList<byte[]>();
        for (String key : keys()) {
            all.add(key.getBytes());
            RType type = redis.getKeys().getType(key);
            if (type == RType.MAP) {
                Map<Object, Object> entries =
                        redis.getMap(key, ByteArrayCodec.INSTANCE).readAllMap();
                entries.forEach((field, value) -> {
                    all.add((byte[]) field);
                    all.add((byte[]) value);
                });
            } else if (type == RType.OBJECT) {
                all.add((byte[]) redis.getBucket(key, ByteArrayCodec.INSTANCE).get());
            } else if (type == RType.ZSET) {
                redis.getScoredSortedSet(key, ByteArrayCodec.INSTANCE)
                        .readAll()
                        .forEach(member -> all.add((byte[]) member));
            }
        }
        return all;
    }

    @Override
    public void close() {
        redis.shutdown();
    }
}
