package com.ecolaura.caching.region;

import com.ecolaura.caching.codec.RejectedEntryException;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.util.Set;
import org.objenesis.strategy.StdInstantiatorStrategy;
import org.redisson.client.protocol.Decoder;
import org.redisson.codec.Kryo5Codec;

/**
 * Kryo for the Hibernate regions, refusing every class outside {@link RegionClassAllowlist}, when
 * writing and when reading. Kryo looks a class up by name without initialising it, then asks the
 * resolver to register it: that is where a foreign class is stopped.
 */
public class RegionCodec extends Kryo5Codec {

    public RegionCodec(ClassLoader classLoader) {
        super(classLoader, Set.of(), false);
    }

    /** Redisson copies codecs per class loader through this constructor. */
    public RegionCodec(ClassLoader classLoader, RegionCodec codec) {
        this(classLoader);
    }

    /** Whatever cannot be decoded (a refused class, garbage) is a rejected entry, not a Redis failure. */
    @Override
    public Decoder<Object> getValueDecoder() {
        Decoder<Object> kryo = super.getValueDecoder();
        return (buf, state) -> {
            try {
                return kryo.decode(buf, state);
            } catch (Exception | LinkageError e) {
                throw new RejectedEntryException("second-level cache entry refused: " + e.getMessage());
            }
        };
    }

    @Override
    protected Kryo createKryo(ClassLoader classLoader, boolean useReferences) {
        var kryo = new Kryo(new AllowlistResolver(), null);
        if (classLoader != null) {
            kryo.setClassLoader(classLoader);
        }
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        return kryo;
    }

    private static final class AllowlistResolver extends DefaultClassResolver {

        @Override
        public Registration registerImplicit(Class type) {
            if (!RegionClassAllowlist.allows(type)) {
                throw new KryoException("class not allowed in the second-level cache: " + type.getName());
            }
            return super.registerImplicit(type);
        }
    }
}
