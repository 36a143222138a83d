package com.ecolaura.caching.store;

import com.ecolaura.caching.codec.ScriptCodec;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;

/**
 * Every operation on a cache entry as one Lua script, so that each is one round trip however much
 * it checks; only the plain read of an entry ({@link #stored}) is a single command. They work on
 * Redisson's JCache layout (the cache's hash, field = key, and its {@code jcache_timeout_set:{name}}
 * of expiry times), so that the JCache API sees what they write, and on companions that share the
 * cache's hash tag (one Redis Cluster slot):
 *
 * <ul>
 *   <li>{@code ecolaura:lease:{name}:key} — single flight: who computes a missing value (token, PX lease);
 *   <li>{@code ecolaura:clock:{name}} — the cache's eviction counter;
 *   <li>{@code ecolaura:fence:{name}:key}, {@code ecolaura:fence-all:{name}} — the counter at the key's
 *       (the cache's) last eviction, kept for the fence window only.
 * </ul>
 *
 * A lease notes the clock; a computed value is written only if no eviction of its key or cache moved
 * past that clock since, and only within the fence window of its lease: a value read from the
 * database before a write's eviction never lands after it. Evictions delete before they move the
 * fence: a full Redis, which refuses the fence, has still dropped the entry (the eviction is then
 * replayed).
 */
final class EntryScripts {

    private static final String READ = lua("read");

    private static final String LEASE = lua("lease");

    private static final String WRITE = lua("write");

    private static final String RELEASE = lua("release");

    private static final String EVICT = lua("evict");

    private static final String CLEAR = lua("clear");

    private static final String PUT = lua("put");

    private EntryScripts() {}

    /** A script from this package's resources ({@code read.lua}, …), where each says what it takes and answers. */
    private static String lua(String name) {
        try (var in = EntryScripts.class.getResourceAsStream(name + ".lua")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("script " + name + ".lua is missing from the application", e);
        }
    }

    /** What a lease script answered. */
    record LeaseReply(int outcome, byte[] entry, long clock, long leasedAt) {
        static final int CACHED = 1;
        static final int LEASED = 2;
        static final int HELD = 3;
    }

    /**
     * The entry as stored, expired or not: a plain {@code HGET}, the one read that needs no script,
     * for an entry that records its own expiry ({@link com.ecolaura.caching.entity.CacheEntry#expiresAt}).
     */
    static byte[] stored(RedissonClient redis, String cache, String key) {
        return (byte[]) redis.getMap(hash(cache), ScriptCodec.INSTANCE).get(key);
    }

    /** The entry unless Redisson's JCache records it as expired: for entries that do not say when they expire. */
    static byte[] read(RedissonClient redis, String cache, String key, long nowMillis) {
        return script(redis).eval(cache, Mode.READ_ONLY, READ, ReturnType.VALUE, keys(cache), key, nowMillis);
    }

    static LeaseReply lease(
            RedissonClient redis,
            String cache,
            String key,
            long nowMillis,
            String token,
            long leaseMillis,
            boolean force) {
        List<Object> reply = script(redis)
                .eval(
                        cache,
                        Mode.READ_WRITE,
                        LEASE,
                        ReturnType.MULTI,
                        List.of(hash(cache), timeouts(cache), lease(cache, key), clock(cache)),
                        key,
                        nowMillis,
                        token,
                        leaseMillis,
                        force ? "1" : "0");
        int outcome = ((Number) reply.get(0)).intValue();
        return switch (outcome) {
            case LeaseReply.CACHED -> new LeaseReply(outcome, (byte[]) reply.get(1), 0, 0);
            case LeaseReply.LEASED ->
                new LeaseReply(outcome, null, ((Number) reply.get(1)).longValue(), ((Number) reply.get(2)).longValue());
            default -> new LeaseReply(LeaseReply.HELD, null, 0, 0);
        };
    }

    static boolean write(
            RedissonClient redis,
            String cache,
            String key,
            byte[] entry,
            long expiresAt,
            String token,
            long clock,
            long leasedAt,
            long fenceWindowMillis) {
        Long written = script(redis)
                .eval(
                        cache,
                        Mode.READ_WRITE,
                        WRITE,
                        ReturnType.INTEGER,
                        List.of(hash(cache), timeouts(cache), lease(cache, key), fence(cache, key), fenceAll(cache)),
                        key,
                        entry,
                        expiresAt,
                        token,
                        clock,
                        leasedAt,
                        fenceWindowMillis);
        return written == 1L;
    }

    static void release(RedissonClient redis, String cache, String key, String token) {
        script(redis).eval(cache, Mode.READ_WRITE, RELEASE, ReturnType.INTEGER, List.of(lease(cache, key)), token);
    }

    static void evict(
            RedissonClient redis, String cache, String key, long fenceWindowMillis, String channel, String message) {
        script(redis)
                .eval(
                        cache,
                        Mode.READ_WRITE,
                        EVICT,
                        ReturnType.INTEGER,
                        List.of(hash(cache), timeouts(cache), clock(cache), fence(cache, key)),
                        key,
                        fenceWindowMillis,
                        channel,
                        message);
    }

    static void clear(RedissonClient redis, String cache, long fenceWindowMillis, String channel, String message) {
        script(redis)
                .eval(
                        cache,
                        Mode.READ_WRITE,
                        CLEAR,
                        ReturnType.INTEGER,
                        List.of(hash(cache), timeouts(cache), clock(cache), fenceAll(cache)),
                        fenceWindowMillis,
                        channel,
                        message);
    }

    static void put(
            RedissonClient redis,
            String cache,
            String key,
            byte[] entry,
            long expiresAt,
            long fenceWindowMillis,
            String channel,
            String message) {
        script(redis)
                .eval(
                        cache,
                        Mode.READ_WRITE,
                        PUT,
                        ReturnType.INTEGER,
                        List.of(hash(cache), timeouts(cache), clock(cache), fence(cache, key)),
                        key,
                        entry,
                        expiresAt,
                        fenceWindowMillis,
                        channel,
                        message);
    }

    private static RScript script(RedissonClient redis) {
        return redis.getScript(ScriptCodec.INSTANCE);
    }

    private static List<Object> keys(String cache) {
        return List.of(hash(cache), timeouts(cache));
    }

    /** Redisson's JCache keeps a cache in the hash of its name. */
    static String hash(String cache) {
        return cache;
    }

    /** Redisson's JCache expiry times of a cache's entries. */
    static String timeouts(String cache) {
        return "jcache_timeout_set:{" + cache + "}";
    }

    static String lease(String cache, String key) {
        return "ecolaura:lease:{" + cache + "}:" + key;
    }

    static String clock(String cache) {
        return "ecolaura:clock:{" + cache + "}";
    }

    static String fence(String cache, String key) {
        return "ecolaura:fence:{" + cache + "}:" + key;
    }

    static String fenceAll(String cache) {
        return "ecolaura:fence-all:{" + cache + "}";
    }
}
