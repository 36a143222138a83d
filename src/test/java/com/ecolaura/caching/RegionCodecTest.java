package com.ecolaura.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.caching.region.RegionCodec;
import com.ecolaura.catalog.entity.Packaging;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redisson.codec.Kryo5Codec;

class RegionCodecTest {

    /** Set when the class is initialised: a foreign class must not even be initialised. */
    static volatile boolean foreignClassInitialised;

    public static class Foreign {
        static {
            foreignClassInitialised = true;
        }

        public String command = "rm -rf /";
    }

    /** Same shape and name length as {@link Foreign}, to plant bytes that name Foreign without touching it. */
    public static class Planted {
        public String command = "rm -rf /";
    }

    final RegionCodec codec = new RegionCodec(getClass().getClassLoader());

    @Test
    void entityStateRoundTrips() throws Exception {
        Serializable[] state = {
            42L,
            "Jar",
            new BigDecimal("9.90"),
            Packaging.RECYCLED,
            Instant.parse("2026-01-01T00:00:00Z"),
            new ArrayList<>(List.of("glass", "cork"))
        };

        var decoded = codec.getValueDecoder().decode(codec.getValueEncoder().encode(state), null);

        assertEquals(List.of(state), List.of((Object[]) decoded));
    }

    @Test
    void aForeignClassIsNeitherWrittenNorReadNorInitialised() throws Exception {
        assertThrows(RuntimeException.class, () -> codec.getValueEncoder().encode(new java.text.SimpleDateFormat()));
        // bytes naming a foreign class, as anyone with access to Redis could plant them
        var plain = new Kryo5Codec(getClass().getClassLoader());
        byte[] bytes = ByteBufUtil.getBytes(plain.getValueEncoder().encode(new Planted()));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String planted = "Plante" + (char) ('d' | 0x80);
        assertTrue(text.contains(planted), "Kryo wrote the class name");
        byte[] foreign = text.replace(planted, "Foreig" + (char) ('n' | 0x80)).getBytes(StandardCharsets.ISO_8859_1);
        // the plain codec would decode it: the bytes are valid
        assertEquals(
                Foreign.class,
                plain.getValueDecoder()
                        .decode(Unpooled.wrappedBuffer(foreign.clone()), null)
                        .getClass());
        foreignClassInitialised = false;

        assertThrows(
                RuntimeException.class, () -> codec.getValueDecoder().decode(Unpooled.wrappedBuffer(foreign), null));
        assertFalse(foreignClassInitialised, "Foreign was not even initialised");
    }
}
