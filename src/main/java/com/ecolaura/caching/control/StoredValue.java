package com.ecolaura.caching.control;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cached value as read from Redis, still undecoded:
 * {@code {"type":"ProductView","computedAt":…,"computeMillis":…,"freshUntil":…,"value":{…}}}.
 * It becomes an object only in {@link #as(JavaType)}, for the type the cached method declares, so
 * the allowlist of decodable classes is exactly the return types of our cached methods.
 */
public final class StoredValue {

    private final byte[] json;

    StoredValue(byte[] json) {
        this.json = json;
    }

    static byte[] encode(Object value) throws IOException {
        if (value instanceof StoredValue stored) {
            return stored.json;
        }
        var envelope = CacheJson.MAPPER.createObjectNode();
        Object payload = value instanceof CacheEntry entry ? entry.value() : value;
        envelope.put("type", typeName(payload.getClass()));
        if (value instanceof CacheEntry entry) {
            envelope.put("computedAt", entry.computedAt());
            envelope.put("computeMillis", entry.computeMillis());
            envelope.put("freshUntil", entry.freshUntil());
        }
        envelope.set("value", CacheJson.MAPPER.valueToTree(payload));
        return CacheJson.MAPPER.writeValueAsBytes(envelope);
    }

    /** Decodes into {@code type}, or fails with {@link RejectedEntryException} for anything else. */
    public CacheEntry as(JavaType type) {
        JsonNode envelope;
        try {
            envelope = CacheJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new RejectedEntryException("not JSON");
        }
        if (envelope == null || !envelope.isObject() || !envelope.has("value")) {
            throw new RejectedEntryException("no value envelope");
        }
        String stored = envelope.path("type").asText("");
        String expected = typeName(type.getRawClass());
        if (!stored.equals(expected)) {
            throw new RejectedEntryException("type '" + abbreviate(stored) + "' where " + expected + " was expected");
        }
        try {
            return new CacheEntry(
                    CacheJson.MAPPER.treeToValue(envelope.get("value"), type),
                    envelope.path("computedAt").asLong(0),
                    envelope.path("computeMillis").asLong(0),
                    envelope.path("freshUntil").asLong(Long.MAX_VALUE));
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedEntryException("value does not fit " + expected);
        }
    }

    public int size() {
        return json.length;
    }

    /** The simple class name; collections by their interface, whatever implementation was cached. */
    static String typeName(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "List";
        }
        if (Set.class.isAssignableFrom(type)) {
            return "Set";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "Map";
        }
        return type.getSimpleName();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredValue that && Arrays.equals(json, that.json);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(json);
    }
}
