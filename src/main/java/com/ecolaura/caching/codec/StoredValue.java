package com.ecolaura.caching.codec;

import com.ecolaura.caching.entity.CacheEntry;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cached value as read from Redis, still undecoded:
 * {@code {"type":"ProductView","computedAt":…,"computeMillis":…,"freshUntil":…,"expiresAt":…,"value":{…}}}.
 * It becomes an object only in {@link #as(JavaType)}, for the type the cached method declares, so
 * the allowlist of decodable classes is exactly the return types of our cached methods.
 */
public final class StoredValue {

    private final byte[] json;

    public StoredValue(byte[] json) {
        this.json = json;
    }

    /** An entry as Redis keeps it. */
    public static byte[] encoded(CacheEntry entry) {
        try {
            return encode(entry);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot encode a value of " + entry.value().getClass(), e);
        }
    }

    /** Written in one pass, the type first: a reader checks it before it decodes the value. */
    public static byte[] encode(Object value) throws IOException {
        if (value instanceof StoredValue stored) {
            return stored.json;
        }
        Object payload = value instanceof CacheEntry entry ? entry.value() : value;
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = CacheJson.MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", typeName(payload.getClass()));
            if (value instanceof CacheEntry entry) {
                json.writeNumberField("computedAt", entry.computedAt());
                json.writeNumberField("computeMillis", entry.computeMillis());
                json.writeNumberField("freshUntil", entry.freshUntil());
                if (entry.expiryRecorded()) {
                    json.writeNumberField("expiresAt", entry.expiresAt());
                }
            }
            json.writeFieldName("value");
            CacheJson.MAPPER.writeValue(json, payload);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * Decodes into {@code type}, or fails with {@link RejectedEntryException} for anything else. One
     * streaming pass: the envelope must name the expected type before its value, which is then read
     * straight into that type (never into whatever the entry claims).
     */
    public CacheEntry as(JavaType type) {
        String expected = typeName(type.getRawClass());
        try (JsonParser json = CacheJson.MAPPER.createParser(this.json)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new RejectedEntryException("no value envelope");
            }
            String stored = null;
            long computedAt = 0;
            long computeMillis = 0;
            long freshUntil = Long.MAX_VALUE;
            long expiresAt = CacheEntry.EXPIRY_NOT_RECORDED;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                switch (field) {
                    case "type" -> stored = json.getValueAsString("");
                    case "computedAt" -> computedAt = json.getValueAsLong(0);
                    case "computeMillis" -> computeMillis = json.getValueAsLong(0);
                    case "freshUntil" -> freshUntil = json.getValueAsLong(Long.MAX_VALUE);
                    case "expiresAt" -> expiresAt = json.getValueAsLong(CacheEntry.EXPIRY_NOT_RECORDED);
                    case "value" -> {
                        if (stored == null) {
                            throw new RejectedEntryException("no type before the value");
                        }
                        if (!stored.equals(expected)) {
                            throw new RejectedEntryException(
                                    "type '" + abbreviate(stored) + "' where " + expected + " was expected");
                        }
                        Object value = token == JsonToken.VALUE_NULL ? null : CacheJson.MAPPER.readValue(json, type);
                        finish(json);
                        return new CacheEntry(value, computedAt, computeMillis, freshUntil, expiresAt);
                    }
                    default -> json.skipChildren();
                }
            }
            throw new RejectedEntryException("no value envelope");
        } catch (JsonMappingException | IllegalArgumentException e) {
            throw new RejectedEntryException("value does not fit " + expected);
        } catch (IOException e) {
            throw new RejectedEntryException("not JSON");
        }
    }

    /** Fields after the value (only {@link #encode}'s order is expected, but any is read). */
    private static void finish(JsonParser json) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            json.nextToken();
            json.skipChildren();
        }
    }

    /** The type the envelope names, without decoding its value; empty if it is no envelope. */
    public String typeName() {
        try (JsonParser json = CacheJson.MAPPER.createParser(this.json)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("type")) {
                    return json.getValueAsString("");
                }
                json.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
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
