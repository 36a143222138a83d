package com.ecolaura.caching.codec;

import org.redisson.client.codec.Codec;
import org.redisson.client.codec.LongCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;

/** Redis hashes of counters under readable string fields. */
public final class LongCodecs {

    public static final Codec FENCES = new CompositeCodec(StringCodec.INSTANCE, LongCodec.INSTANCE, LongCodec.INSTANCE);

    private LongCodecs() {}
}
