package com.ecolaura.caching.boundary;

import com.ecolaura.caching.edge.EdgePurges;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CachePolicies;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Conditional GETs for API consumers. A resource with a version gets the strong ETag {@code "v5"},
 * checked before its body is built; a computed one (lists, scores) the hash of its JSON. Its
 * {@code Cache-Control} follows its cache's policy: {@code max-age} the TTL, capped by
 * {@code ecolaura.http.max-age} (60 s by default: API clients revalidate, cheaply, through the ETag),
 * and {@code stale-while-revalidate} the cache's stale window.
 *
 * <p>A value's JSON (and hash) is made once per value object where its cache has a near tier: the
 * near cache hands out the same object on every hit, so a hot entry is serialised and hashed once,
 * not per request. Without one every hit is a new object, and keeping its JSON would only cost (a
 * memo entry and its upkeep, about 9 % of a Redis-only hit's CPU).
 */
@ApplicationScoped
public class HttpCaching {

    private static final String JSON = MediaType.APPLICATION_JSON;
    /** Varnish's xkey, read by server-config/varnish/ecolaura.vcl and not passed on to clients. */
    static final String SURROGATE_KEYS = "xkey";

    static final String SURROGATE_CONTROL = "Surrogate-Control";

    @Inject
    CachePolicies policies;

    @Inject
    EdgePurges edge;

    @Inject
    @ConfigProperty(name = "ecolaura.http.max-age", defaultValue = "PT60S")
    Duration maxAgeCap;

    private final Cache<Object, Rendered> rendered =
            Caffeine.newBuilder().weakKeys().maximumSize(100_000).build();
    private final Map<String, String> cacheControls = new ConcurrentHashMap<>();
    private final Map<String, String> surrogateControls = new ConcurrentHashMap<>();

    public static EntityTag versionTag(long version) {
        return new EntityTag("v" + version);
    }

    /** A shared (CDN-cacheable) response for a versioned resource; 304 when the client has this version. */
    public Response versioned(
            Request request, long version, String cacheName, Supplier<SurrogateKeys> keys, Supplier<Object> body) {
        return edgeHeaders(
                        conditional(
                                request,
                                versionTag(version),
                                CacheControl.valueOf(cacheControl(cacheName)),
                                cacheName,
                                body),
                        cacheName,
                        keys)
                .build();
    }

    /** A user's own resource: never stored by shared caches, always revalidated. */
    public Response personal(Request request, long version, Supplier<Object> body) {
        return conditional(request, versionTag(version), CacheControl.valueOf("private, no-cache"), null, body)
                .build();
    }

    /** A computed resource: its ETag is the hash of its JSON, which is then sent as it was hashed. */
    public Response hashed(Request request, String cacheName, Supplier<SurrogateKeys> keys, Object value) {
        var json = render(cacheName, value);
        var cacheControl = CacheControl.valueOf(cacheControl(cacheName));
        var tag = new EntityTag(json.hash());
        var notModified = preconditions(request, tag);
        var response = notModified != null
                ? notModified.cacheControl(cacheControl)
                : Response.ok(json.json(), JSON).tag(tag).cacheControl(cacheControl);
        return edgeHeaders(response, cacheName, keys).build();
    }

    /**
     * The same answer as {@link #versioned} for a servlet that serves a versioned value without
     * JAX-RS (the hot paths): 304 or the JSON, with ETag, Cache-Control and Vary. False, with nothing
     * written, when the request asks for what only JAX-RS does (other conditions, another type).
     */
    public boolean serve(
            HttpServletRequest request,
            HttpServletResponse response,
            long version,
            String cacheName,
            Supplier<SurrogateKeys> keys,
            Object value)
            throws IOException {
        if (!ServletConditions.plainJsonGet(request)) {
            return false;
        }
        write(request, response, "\"v" + version + "\"", cacheName, keys, () -> render(cacheName, value));
        return true;
    }

    /** The same answer as {@link #hashed}, for a servlet: the ETag is the hash of the value's JSON. */
    public boolean serveHashed(
            HttpServletRequest request,
            HttpServletResponse response,
            String cacheName,
            Supplier<SurrogateKeys> keys,
            Object value)
            throws IOException {
        if (!ServletConditions.plainJsonGet(request)) {
            return false;
        }
        var rendered = render(cacheName, value);
        write(request, response, "\"" + rendered.hash() + "\"", cacheName, keys, () -> rendered);
        return true;
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            String tag,
            String cacheName,
            Supplier<SurrogateKeys> keys,
            Supplier<Rendered> rendered)
            throws IOException {
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", cacheControl(cacheName));
        response.setHeader("Vary", "Accept-Encoding");
        if (edge.enabled()) {
            response.setHeader(SURROGATE_KEYS, keys.get().header());
            response.setHeader(SURROGATE_CONTROL, surrogateControl(cacheName));
        }
        if (ServletConditions.ifNoneMatchHas(request.getHeader("If-None-Match"), tag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] json = rendered.get().json();
        response.setContentType(JSON);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The value's JSON and its hash, made once per value object (a value a near cache hands out). */
    public Rendered render(Object value) {
        var known = rendered.getIfPresent(value);
        if (known != null) {
            return known;
        }
        var made = Rendered.of(value);
        rendered.put(value, made);
        return made;
    }

    /** {@code cacheName}: where the value came from; null for one no cache shares (a user's own). */
    private Rendered render(String cacheName, Object value) {
        return cacheName != null && policies.of(cacheName).nearEntries() > 0 ? render(value) : Rendered.of(value);
    }

    /** The cache's Cache-Control header, e.g. {@code public, max-age=60, stale-while-revalidate=300}. */
    public String cacheControl(String cacheName) {
        return cacheControls.computeIfAbsent(cacheName, name -> {
            var policy = policies.of(name);
            long maxAge = Math.min(policy.ttl().toSeconds(), maxAgeCap.toSeconds());
            long stale = policy.staleWhileRevalidate().toSeconds();
            return "public, max-age=" + maxAge + (stale > 0 ? ", stale-while-revalidate=" + stale : "");
        });
    }

    /**
     * With an edge cache to purge ({@link EdgePurges}): the response's surrogate keys, and how long
     * the edge may keep it, the cache's whole TTL (a write purges the edge's copy; browsers and
     * other shared caches keep to Cache-Control's shorter max-age). Without one, neither.
     */
    private Response.ResponseBuilder edgeHeaders(
            Response.ResponseBuilder response, String cacheName, Supplier<SurrogateKeys> keys) {
        if (!edge.enabled()) {
            return response;
        }
        return response.header(SURROGATE_KEYS, keys.get().header())
                .header(SURROGATE_CONTROL, surrogateControl(cacheName));
    }

    private String surrogateControl(String cacheName) {
        return surrogateControls.computeIfAbsent(
                cacheName, name -> "max-age=" + policies.of(name).ttl().toSeconds());
    }

    /** The body is built only when the client's copy is not current. */
    private Response.ResponseBuilder conditional(
            Request request, EntityTag tag, CacheControl cacheControl, String cacheName, Supplier<Object> body) {
        var notModified = preconditions(request, tag);
        if (notModified != null) {
            return notModified.cacheControl(cacheControl);
        }
        return Response.ok(render(cacheName, body.get()).json(), JSON).tag(tag).cacheControl(cacheControl);
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
}
