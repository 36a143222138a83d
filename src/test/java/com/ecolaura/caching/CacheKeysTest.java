package com.ecolaura.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.ecolaura.caching.codec.CacheKeys;
import com.ecolaura.caching.entity.CacheKeySource;
import org.junit.jupiter.api.Test;

class CacheKeysTest {

    @Test
    void oneKeyParameterIsTheKeyAsItIs() {
        assertEquals("42", CacheKeys.of(new Object[] {42L, "ignored"}, new int[] {0}));
        assertEquals("user-7", CacheKeys.of(new Object[] {"user-7"}, new int[] {0}));
    }

    @Test
    void severalKeyParametersAreJoinedSoThatTheyCannotRunTogether() {
        String ab = CacheKeys.of(new Object[] {"a:b", "c"}, new int[] {0, 1});
        String a = CacheKeys.of(new Object[] {"a", "b:c"}, new int[] {0, 1});
        assertEquals("a%3Ab:c", ab);
        assertNotEquals(ab, a);
    }

    @Test
    void nullAndSourcesNameThemselves() {
        CacheKeySource source = () -> "q=tea";
        assertEquals("~", CacheKeys.of(new Object[] {null}, new int[] {0}));
        assertEquals("q=tea", CacheKeys.of(new Object[] {source}, new int[] {0}));
    }
}
