package com.ecolaura.admin.control;

import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.SharedRedis;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Every administrative change, with who made it: one log line ({@code ecolaura.audit}), and an entry
 * in the Redis stream {@code ecolaura:audit} (the last 10,000) that the admin API and dashboard show.
 */
@ApplicationScoped
public class AuditLog {

    private static final System.Logger LOG = System.getLogger("ecolaura.audit");
    static final String STREAM = "ecolaura:audit";

    public void record(String user, String action, String target) {
        LOG.log(Level.INFO, "AUDIT user={0} action={1} target={2}", user, action, target);
        try {
            SharedRedis.client()
                    .<String, String>getStream(STREAM, StringCodec.INSTANCE)
                    .add(StreamAddArgs.entries(Map.of(
                                    "at", Instant.now().toString(), "user", user, "action", action, "target", target))
                            .trimNonStrict()
                            .maxLen(10_000)
                            .noLimit());
        } catch (RuntimeException e) {
            RedisFailures.record("audit", STREAM, e);
        }
    }

    public List<Map<String, String>> latest(int count) {
        try {
            var stream = SharedRedis.client().<String, String>getStream(STREAM, StringCodec.INSTANCE);
            return stream.rangeReversed(count, StreamMessageId.MAX, StreamMessageId.MIN).values().stream()
                    .toList();
        } catch (RuntimeException e) {
            RedisFailures.record("audit", STREAM, e);
            return List.of();
        }
    }
}
