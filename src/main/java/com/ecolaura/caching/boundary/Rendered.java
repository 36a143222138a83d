package com.ecolaura.caching.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A value as the API sends it: its JSON, and the hash of it, made when first asked for (a versioned
 * answer's ETag is its version: a Redis hit of a product hashes nothing).
 */
public final class Rendered {
    private final byte[] json;
    private volatile String hash;

    private Rendered(byte[] json) {
        this.json = json;
    }

    /** The value's JSON as the API writes it. */
    static Rendered of(Object value) {
        return new Rendered(ApiJson.JSONB.toJson(value).getBytes(StandardCharsets.UTF_8));
    }

    public byte[] json() {
        return json;
    }

    public String hash() {
        String made = hash;
        if (made == null) {
            made = sha256(json).substring(0, 32);
            hash = made; // two threads may both make it: the same string
        }
        return made;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
