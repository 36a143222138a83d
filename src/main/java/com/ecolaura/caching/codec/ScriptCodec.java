package com.ecolaura.caching.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * Arguments and replies of our cache scripts as they are: byte arrays (encoded entries) pass
 * through, text and numbers go as UTF-8, and what a script returns comes back as bytes, to be
 * decoded by the caller into the type it expects ({@link StoredValue}).
 */
public final class ScriptCodec extends BaseCodec {

    public static final ScriptCodec INSTANCE = new ScriptCodec();

    private final Encoder encoder = value -> value instanceof byte[] bytes
            ? Unpooled.wrappedBuffer(bytes)
            : ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, String.valueOf(value));

    private final Decoder<Object> decoder = (buf, state) -> bytes(buf);

    private ScriptCodec() {}

    /** Redisson copies codecs per class loader through this constructor. */
    public ScriptCodec(ClassLoader classLoader, ScriptCodec codec) {}

    static byte[] bytes(ByteBuf buf) {
        var bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }

    @Override
    public Decoder<Object> getValueDecoder() {
        return decoder;
    }

    @Override
    public Encoder getValueEncoder() {
        return encoder;
    }
}
