package com.ecolaura.caching.codec;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * The Redis codec of our JCache caches, for code that uses them through the JCache API: hash fields
 * are the readable key strings of {@link CacheKeys} ({@code 42}), handed out as
 * {@code DefaultGeneratedCacheKey}s; values are JSON envelopes ({@link StoredValue}), decoded only
 * into a type a cached method declares ({@link CachedTypes}). The shop's own reads and writes go
 * through scripts with the {@link ScriptCodec}.
 */
public class CacheValueCodec extends BaseCodec {

    private final Encoder keyEncoder = key -> ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, CacheKeys.encode(key));

    private final Decoder<Object> keyDecoder = (buf, state) -> CacheKeys.decode(buf.toString(StandardCharsets.UTF_8));

    private final Encoder valueEncoder = value -> {
        var out = ByteBufAllocator.DEFAULT.buffer();
        out.writeBytes(StoredValue.encode(value));
        return out;
    };

    private final Decoder<Object> valueDecoder =
            (buf, state) -> CachedTypes.decoded(new StoredValue(ScriptCodec.bytes(buf)));

    public CacheValueCodec() {}

    /** Redisson copies codecs per class loader through this constructor. */
    public CacheValueCodec(ClassLoader classLoader, CacheValueCodec codec) {}

    @Override
    public Decoder<Object> getValueDecoder() {
        return valueDecoder;
    }

    @Override
    public Encoder getValueEncoder() {
        return valueEncoder;
    }

    @Override
    public Decoder<Object> getMapKeyDecoder() {
        return keyDecoder;
    }

    @Override
    public Encoder getMapKeyEncoder() {
        return keyEncoder;
    }
}
