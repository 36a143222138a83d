package com.ecolaura.caching.codec;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The types cached values may be decoded into when they are read through the JCache API: the
 * return types of {@code @CacheResult} methods and the {@code @CacheValue} types of
 * {@code @CachePut} methods, noted as the beans are discovered. An envelope names its type
 * ({@link StoredValue}); a name two registered types share (two kinds of {@code List}) is
 * ambiguous, and such a value is handed out undecoded, as a {@link StoredValue} whose
 * {@link StoredValue#as} the reader calls with the type it expects.
 */
public final class CachedTypes {

    private static final JavaType AMBIGUOUS = CacheJson.MAPPER.constructType(Void.class);
    private static final Map<String, JavaType> BY_NAME = new ConcurrentHashMap<>();

    private CachedTypes() {}

    public static void register(JavaType type) {
        BY_NAME.merge(
                StoredValue.typeName(type.getRawClass()),
                type,
                (known, added) -> known.equals(added) ? known : AMBIGUOUS);
    }

    /** The value, decoded into the one registered type its envelope names; else the envelope as it is. */
    public static Object decoded(StoredValue stored) {
        JavaType type = BY_NAME.get(stored.typeName());
        if (type == null || type == AMBIGUOUS) {
            return stored;
        }
        try {
            return stored.as(type).value();
        } catch (RejectedEntryException e) {
            return stored;
        }
    }
}
