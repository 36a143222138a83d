package com.ecolaura.caching.codec;

import com.ecolaura.caching.entity.CacheKeySource;
import com.ecolaura.caching.entity.DefaultGeneratedCacheKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The key codec: a cache key as the readable string Redis stores it under. The parameters of a
 * {@link DefaultGeneratedCacheKey} give {@code 42} for one parameter, {@code bamboo:kitchen:0} for
 * several (each part percent-encoded, so parts never run together); a key from a custom
 * {@code CacheKeyGenerator} names itself ({@link CacheKeySource}) or is written as its JSON.
 * Never Java serialization: nothing in a key is ever turned back into an object of its class.
 */
public final class CacheKeys {

    private static final String NULL_PART = "~";

    private CacheKeys() {}

    /** The key of the parameters at {@code keyPositions}: what {@link #encode} gives for their {@link DefaultGeneratedCacheKey}. */
    public static String of(Object[] parameters, int[] keyPositions) {
        if (keyPositions.length == 1) {
            return part(parameters[keyPositions[0]]);
        }
        var key = new StringJoiner(":");
        for (int position : keyPositions) {
            key.add(URLEncoder.encode(part(parameters[position]), StandardCharsets.UTF_8));
        }
        return key.toString();
    }

    /** Any key the annotations or the JCache API are given, as stored. */
    public static String encode(Object key) {
        if (key instanceof String text) {
            return text;
        }
        if (key instanceof DefaultGeneratedCacheKey generated) {
            Object[] parameters = generated.parameters();
            return parameters.length == 0 ? "" : of(parameters, positions(parameters.length));
        }
        if (key instanceof CacheKeySource source) {
            return source.cacheKey();
        }
        if (key instanceof GeneratedCacheKey) {
            try {
                return key.getClass().getSimpleName() + CacheJson.MAPPER.writeValueAsString(key);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a cache key must be writable as JSON: " + key.getClass(), e);
            }
        }
        return part(key);
    }

    /**
     * A stored key as the JCache API hands it out (iterating a cache): a key of that one string,
     * which {@link #encode}s back to the same field.
     */
    public static GeneratedCacheKey decode(String stored) {
        return new DefaultGeneratedCacheKey(stored);
    }

    private static int[] positions(int count) {
        var positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }

    private static String part(Object value) {
        if (value == null) {
            return NULL_PART;
        }
        if (value instanceof CacheKeySource source) {
            return source.cacheKey();
        }
        return String.valueOf(value);
    }
}
