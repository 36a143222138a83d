package com.ecolaura.caching.boundary;

import com.ecolaura.caching.policy.CachePolicies;
import com.ecolaura.redis.control.Settings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Conditional GETs for API consumers. A resource with a version gets the strong ETag {@code "v5"},
 * checked before its body is built; a computed one (lists, scores) the hash of its JSON. Its
 * {@code Cache-Control} follows its cache's policy: {@code max-age} the TTL, capped by
 * {@code ecolaura.http.max-age} (60 s by default: API clients revalidate, cheaply, through the ETag),
 * and {@code stale-while-revalidate} the cache's stale window.
 */
public final class HttpCaching {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Duration MAX_AGE_CAP = Settings.duration("ecolaura.http.max-age", Duration.ofSeconds(60));

    private HttpCaching() {}

    public static EntityTag versionTag(long version) {
        return new EntityTag("v" + version);
    }

    /** A shared (CDN-cacheable) response for a versioned resource; 304 when the client has this version. */
    public static Response versioned(Request request, long version, String cacheName, Supplier<Object> body) {
        return conditional(request, versionTag(version), shared(cacheName), body);
    }

    /** A user's own resource: never stored by shared caches, always revalidated. */
    public static Response personal(Request request, long version, Supplier<Object> body) {
        return conditional(request, versionTag(version), CacheControl.valueOf("private, no-cache"), body);
    }

    /** The body is built only when the client's copy is not current. */
    private static Response conditional(
            Request request, EntityTag tag, CacheControl cacheControl, Supplier<Object> body) {
        var notModified = preconditions(request, tag);
        if (notModified != null) {
            return notModified.cacheControl(cacheControl).build();
        }
        return Response.ok(body.get()).tag(tag).cacheControl(cacheControl).build();
    }

    /** JAX-RS's check of If-Match / If-None-Match, which throws on a validator it cannot parse: that is a 400. */
    private static Response.ResponseBuilder preconditions(Request request, EntityTag tag) {
        try {
            return request.evaluatePreconditions(tag);
        } catch (IllegalArgumentException | ProcessingException malformed) {
            // Jersey throws a HeaderValueException (a ProcessingException) for a validator it cannot parse
            throw new BadRequestException("If-Match and If-None-Match take entity tags, such as \"v3\" or *");
        }
    }

    /** A computed resource: its ETag is the hash of its JSON, which is then sent as it was hashed. */
    public static Response hashed(Request request, String cacheName, Object value) {
        String json = JSONB.toJson(value);
        var tag = new EntityTag(sha256(json).substring(0, 32));
        var cacheControl = shared(cacheName);
        var notModified = preconditions(request, tag);
        if (notModified != null) {
            return notModified.cacheControl(cacheControl).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .tag(tag)
                .cacheControl(cacheControl)
                .build();
    }

    static CacheControl shared(String cacheName) {
        var policy = CachePolicies.of(cacheName);
        long maxAge = Math.min(policy.ttl().toSeconds(), MAX_AGE_CAP.toSeconds());
        long stale = policy.staleWhileRevalidate().toSeconds();
        return CacheControl.valueOf(
                "public, max-age=" + maxAge + (stale > 0 ? ", stale-while-revalidate=" + stale : ""));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
