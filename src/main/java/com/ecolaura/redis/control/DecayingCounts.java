package com.ecolaura.redis.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Counts in Redis that fade with a half-life and keep only the largest: a sorted set whose scores
 * are halved every half-life (lazily, by the next write: scaled by 2^-elapsed/half-life), trimmed to
 * its largest members, and a companion key holding when it was last scaled. Both carry the same
 * hash tag, so the one script that updates them runs on one Redis Cluster node. Member {@code *}
 * holds the decayed total, so that a member's share is its score over that total.
 */
public final class DecayingCounts {

    public static final String TOTAL = "*";

    /** KEYS: the set, its last-scaled time. ARGV: now, half-life, max members, lifetime (ms), then member, count … */
    private static final String ADD =
            """
            local now = tonumber(ARGV[1])
            local last = tonumber(redis.call('GET', KEYS[2]) or ARGV[1])
            local elapsed = now - last
            if elapsed >= tonumber(ARGV[2]) / 32 then
              redis.call('ZUNIONSTORE', KEYS[1], 1, KEYS[1], 'WEIGHTS', tostring(2 ^ (-elapsed / tonumber(ARGV[2]))))
              redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '0.001')
              last = now
            end
            redis.call('SET', KEYS[2], tostring(last), 'PX', ARGV[4])
            local total = 0
            for i = 5, #ARGV, 2 do
              redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i])
              total = total + tonumber(ARGV[i + 1])
            end
            redis.call('ZINCRBY', KEYS[1], tostring(total), '*')
            local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3]) - 1
            if excess > 0 then
              redis.call('ZREMRANGEBYRANK', KEYS[1], 0, excess - 1)
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return excess
            """;

    public record Scored(String member, double score) {}

    private final String key;
    private final Duration halfLife;
    private final int maxMembers;
    private final Duration lifetime;

    /**
     * @param kind what is counted, e.g. {@code hot}
     * @param tag the hash tag the keys share, e.g. a product id
     * @param lifetime how long the counts are kept after their last write
     */
    public DecayingCounts(String kind, String tag, Duration halfLife, int maxMembers, Duration lifetime) {
        this.key = "ecolaura:" + kind + ":{" + tag + "}";
        this.halfLife = halfLife;
        this.maxMembers = maxMembers;
        this.lifetime = lifetime;
    }

    public String key() {
        return key;
    }

    /** Adds the counts in one script call, queued on a batch (several sets per round trip). */
    public void addTo(RBatch batch, Map<String, Long> counts) {
        batch.getScript(StringCodec.INSTANCE)
                .evalAsync(
                        key,
                        RScript.Mode.READ_WRITE,
                        ADD,
                        RScript.ReturnType.INTEGER,
                        List.of(key, key + ":scaled-at"),
                        arguments(counts, System.currentTimeMillis()));
    }

    /** Adds the counts now, in one script call (callers reach Redis through the {@link RedisGateway}). */
    public void add(RedissonClient redis, Map<String, Long> counts) {
        add(redis, counts, System.currentTimeMillis());
    }

    void add(RedissonClient redis, Map<String, Long> counts, long nowMillis) {
        redis.getScript(StringCodec.INSTANCE)
                .eval(
                        key,
                        RScript.Mode.READ_WRITE,
                        ADD,
                        RScript.ReturnType.INTEGER,
                        List.of(key, key + ":scaled-at"),
                        arguments(counts, nowMillis));
    }

    private Object[] arguments(Map<String, Long> counts, long nowMillis) {
        var arguments = new ArrayList<Object>();
        arguments.add(Long.toString(nowMillis));
        arguments.add(Long.toString(halfLife.toMillis()));
        arguments.add(Integer.toString(maxMembers));
        arguments.add(Long.toString(lifetime.toMillis()));
        counts.forEach((member, count) -> {
            arguments.add(member);
            arguments.add(Long.toString(count));
        });
        return arguments.toArray();
    }

    /** The largest members, largest first, with the total among them ({@link #TOTAL}). */
    public List<Scored> top(RedissonClient redis, int count) {
        return redis.<String>getScoredSortedSet(key, StringCodec.INSTANCE).entryRangeReversed(0, count).stream()
                .map(entry -> new Scored(entry.getValue(), entry.getScore()))
                .toList();
    }

    public void delete(RedissonClient redis) {
        redis.getKeys().delete(key, key + ":scaled-at");
    }
}
