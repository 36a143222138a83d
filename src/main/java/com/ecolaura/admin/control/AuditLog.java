package com.ecolaura.admin.control;

import com.ecolaura.redis.control.RedisGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Every administrative change, with who made it: one log line ({@code ecolaura.audit}), and an entry
 * in the Redis stream {@code ecolaura:audit} (capped at the last 10,000) that the admin API and
 * dashboard show.
 */
@ApplicationScoped
public class AuditLog {

    private static final System.Logger LOG = System.getLogger("ecolaura.audit");
    static final String STREAM = "ecolaura:audit";
    private static final int KEPT = 10_000;

    @Inject
    RedisGateway redis;

    public void record(String user, String action, String target) {
        LOG.log(Level.INFO, "AUDIT user={0} action={1} target={2}", user, action, target);
        redis.run("audit", "audit", client -> client.<String, String>getStream(STREAM, StringCodec.INSTANCE)
                .add(StreamAddArgs.entries(Map.of(
                                "at", Instant.now().toString(), "user", user, "action", action, "target", target))
                        .trimNonStrict()
                        .maxLen(KEPT)
                        .noLimit()));
    }

    public List<Map<String, String>> latest(int count) {
        return redis.call(
                "audit",
                "audit",
                client -> client
                        .<String, String>getStream(STREAM, StringCodec.INSTANCE)
                        .rangeReversed(count, StreamMessageId.MAX, StreamMessageId.MIN)
                        .values()
                        .stream()
                        .toList(),
                List.of());
    }
}
