package com.ecolaura.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.caching.codec.CacheJson;
import com.ecolaura.caching.codec.CacheValueCodec;
import com.ecolaura.caching.codec.RejectedEntryException;
import com.ecolaura.caching.codec.StoredValue;
import com.ecolaura.caching.entity.CacheEntry;
import com.ecolaura.caching.entity.DefaultGeneratedCacheKey;
import com.ecolaura.catalog.entity.ProductSummary;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredValueTest {

    final CacheValueCodec codec = new CacheValueCodec();
    final ProductSummary summary = new ProductSummary(
            42, "ECO-42", "Jar", "kitchen", "Verdana", new BigDecimal("9.90"), "EUR", 3, 71, "/images/x.jpg");

    @Test
    void aValueIsReadableJsonNamingItsTypeAndDecodesBackIntoIt() throws Exception {
        ByteBuf encoded = codec.getValueEncoder().encode(summary);
        String json = encoded.toString(StandardCharsets.UTF_8);

        StoredValue stored = (StoredValue) codec.getValueDecoder().decode(encoded, null);

        assertTrue(json.startsWith("{\"type\":\"ProductSummary\",\"value\":{\"id\":42,"), json);
        assertEquals(
                summary,
                stored.as(CacheJson.MAPPER.constructType(ProductSummary.class)).value());
    }

    @Test
    void anEntryCarriesItsFreshness() throws Exception {
        var entry = new CacheEntry(summary, 1_000, 25, 61_000);

        var decoded =
                decode(codec.getValueEncoder().encode(entry)).as(CacheJson.MAPPER.constructType(ProductSummary.class));

        assertEquals(entry, decoded);
        assertTrue(decoded.isFresh(60_999));
        assertFalse(decoded.isFresh(61_000));
    }

    @Test
    void anEntryCarriesItsExpirySoThatAPlainReadCanTellItIsGone() throws Exception {
        var entry = new CacheEntry(summary, 1_000, 25, 61_000, 121_000);
        var type = CacheJson.MAPPER.constructType(ProductSummary.class);

        var decoded = decode(codec.getValueEncoder().encode(entry)).as(type);

        assertEquals(entry, decoded);
        assertFalse(decoded.isFresh(61_000), "stale after its TTL");
        assertFalse(decoded.hasExpired(120_999), "served stale until it expires");
        assertTrue(decoded.hasExpired(121_000));
        var unrecorded = decode(codec.getValueEncoder().encode(new CacheEntry(summary, 1_000, 25, 61_000)))
                .as(type);
        assertFalse(unrecorded.expiryRecorded(), "an envelope without expiresAt leaves the expiry to Redis");
        assertFalse(unrecorded.hasExpired(Long.MAX_VALUE));
    }

    @Test
    void genericTypesDecodeThroughTheDeclaredType() throws Exception {
        var stored = decode(codec.getValueEncoder().encode(List.of(summary)));
        var type = CacheJson.MAPPER.getTypeFactory().constructCollectionType(List.class, ProductSummary.class);
        assertEquals(List.of(summary), stored.as(type).value());
    }

    @Test
    void anEntryOfAnotherTypeIsRejected() throws Exception {
        var stored = decode(codec.getValueEncoder().encode(summary));
        var rejected = assertThrows(
                RejectedEntryException.class, () -> stored.as(CacheJson.MAPPER.constructType(BigDecimal.class)));
        assertTrue(rejected.getMessage().contains("ProductSummary"));
    }

    @Test
    void anEntryNamingAForeignClassOrGarbageIsRejected() throws Exception {
        var foreign = decode(bytes("{\"type\":\"ProcessBuilder\",\"value\":{\"command\":[\"sh\"]}}"));
        var garbage = decode(bytes("\u00ac\u00ed\u0000\u0005sr\u0000\u0011java.util.HashMap"));
        var type = CacheJson.MAPPER.constructType(ProductSummary.class);
        assertThrows(RejectedEntryException.class, () -> foreign.as(type));
        assertThrows(RejectedEntryException.class, () -> garbage.as(type));
    }

    @Test
    void anEnvelopeMustNameItsTypeBeforeItsValueAndBeWhole() throws Exception {
        var type = CacheJson.MAPPER.constructType(ProductSummary.class);
        var valueFirst = decode(bytes("{\"value\":{\"id\":42},\"type\":\"ProductSummary\"}"));
        var truncated = decode(bytes("{\"type\":\"ProductSummary\",\"value\":{\"id\":42,\"sku\":"));
        var misfit = decode(bytes("{\"type\":\"ProductSummary\",\"value\":{\"id\":\"forty-two\"}}"));

        assertTrue(assertThrows(RejectedEntryException.class, () -> valueFirst.as(type))
                .getMessage()
                .contains("no type before the value"));
        assertThrows(RejectedEntryException.class, () -> truncated.as(type));
        assertTrue(assertThrows(RejectedEntryException.class, () -> misfit.as(type))
                .getMessage()
                .contains("does not fit"));
    }

    @Test
    void keysAreTheSpecificationsKeysWrittenReadably() throws Exception {
        ByteBuf key = codec.getMapKeyEncoder().encode(new DefaultGeneratedCacheKey(42L));
        assertEquals("42", key.toString(StandardCharsets.UTF_8));
        assertEquals(
                "a%3Ab:c",
                codec.getMapKeyEncoder()
                        .encode(new DefaultGeneratedCacheKey("a:b", "c"))
                        .toString(StandardCharsets.UTF_8));
        assertEquals("42", codec.getMapKeyEncoder().encode("42").toString(StandardCharsets.UTF_8));
        // what iterating a cache hands out is a key that finds the same entry again
        Object decoded = codec.getMapKeyDecoder().decode(key, null);
        assertEquals(new DefaultGeneratedCacheKey("42"), decoded);
        assertEquals("42", codec.getMapKeyEncoder().encode(decoded).toString(StandardCharsets.UTF_8));
    }

    private StoredValue decode(ByteBuf buf) throws Exception {
        return (StoredValue) codec.getValueDecoder().decode(buf, null);
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
