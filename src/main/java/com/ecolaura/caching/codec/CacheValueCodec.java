package com.ecolaura.caching.codec;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * The Redis codec of our JCache caches: hash fields are the plain key strings ({@code 42}), values
 * are JSON envelopes that are never turned into objects here (see {@link StoredValue}).
 */
public class CacheValueCodec extends BaseCodec {

    private final Encoder keyEncoder = key -> {
        if (!(key instanceof String text)) {
            throw new IllegalArgumentException(
                    "cache keys are strings, not " + key.getClass().getSimpleName());
        }
        return ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, text);
    };

    private final Decoder<Object> keyDecoder = (buf, state) -> buf.toString(StandardCharsets.UTF_8);

    private final Encoder valueEncoder = value -> {
        var out = ByteBufAllocator.DEFAULT.buffer();
        out.writeBytes(StoredValue.encode(value));
        return out;
    };

    private final Decoder<Object> valueDecoder = (buf, state) -> new StoredValue(ScriptCodec.bytes(buf));

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
