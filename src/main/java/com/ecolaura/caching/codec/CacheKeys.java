package com.ecolaura.caching.codec;

import com.ecolaura.caching.entity.CacheKeySource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Readable string keys from the key parameters of a cached method: {@code 42} for one parameter,
 * {@code bamboo:kitchen:0} for several (each part percent-encoded, so parts never run together).
 */
public final class CacheKeys {

    private static final String NULL_PART = "~";

    private CacheKeys() {}

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
