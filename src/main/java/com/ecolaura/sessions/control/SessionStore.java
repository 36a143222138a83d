package com.ecolaura.sessions.control;

import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.sessions.entity.ShopperSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Sessions in Redis, so that any instance serves any session and a restart loses none: one hash per
 * session, {@code ecolaura:session:<id>} with {@code userId}, {@code createdAt} and one
 * {@code cart:<productId>} field per cart line (so concurrent item changes do not overwrite each
 * other). Every read renews the idle expiry ({@code ecolaura.session.idle-timeout}, 30 min) in the
 * same round trip. Session ids are 256 random bits.
 */
@ApplicationScoped
public class SessionStore {

    private static final String PREFIX = "ecolaura:session:";
    private static final String CART = "cart:";
    private static final long RETRY_AFTER_SECONDS = 5;
    private final SecureRandom random = new SecureRandom();

    @Inject
    RedisGateway redis;

    @Inject
    @ConfigProperty(name = "ecolaura.session.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public ShopperSession start(String userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        guarded(client -> {
            var session = map(client, id);
            session.putAll(Map.of("userId", userId, "createdAt", now.toString()));
            session.expire(idleTimeout);
            return Boolean.TRUE;
        });
        return new ShopperSession(id, userId, now, Map.of());
    }

    /** The session, its idle expiry renewed; empty when it does not exist (or has expired). */
    public Optional<ShopperSession> find(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return guarded(client -> {
            var batch = client.createBatch();
            var fields = batch.<String, String>getMap(PREFIX + id, StringCodec.INSTANCE)
                    .readAllMapAsync();
            batch.getMap(PREFIX + id, StringCodec.INSTANCE).expireAsync(idleTimeout);
            batch.execute();
            return session(id, fields.toCompletableFuture().join());
        });
    }

    public void setQuantity(String id, long productId, int quantity) {
        guarded(client -> {
            if (quantity == 0) {
                map(client, id).fastRemove(CART + productId);
            } else {
                map(client, id).fastPut(CART + productId, Integer.toString(quantity));
            }
            return Boolean.TRUE;
        });
    }

    public void end(String id) {
        guarded(client -> map(client, id).delete());
    }

    private static Optional<ShopperSession> session(String id, Map<String, String> fields) {
        if (!fields.containsKey("userId")) {
            return Optional.empty();
        }
        var cart = new TreeMap<Long, Integer>();
        fields.forEach((field, value) -> {
            if (field.startsWith(CART)) {
                cart.put(Long.parseLong(field.substring(CART.length())), Integer.parseInt(value));
            }
        });
        return Optional.of(new ShopperSession(id, fields.get("userId"), Instant.parse(fields.get("createdAt")), cart));
    }

    private static RMap<String, String> map(RedissonClient client, String id) {
        return client.getMap(PREFIX + id, StringCodec.INSTANCE);
    }

    /**
     * Sessions are kept only in Redis: without it there are none, which is a 503 with Retry-After, not
     * a 500, and at once while the circuit is open. The rest of the shop is served meanwhile.
     */
    private <T> T guarded(Function<RedissonClient, T> operation) {
        T result = redis.call("session", "sessions", operation, null);
        if (result == null) {
            throw unavailable();
        }
        return result;
    }

    private static ServiceUnavailableException unavailable() {
        return new ServiceUnavailableException(
                "sessions are unavailable for a moment; retry shortly", RETRY_AFTER_SECONDS);
    }
}
