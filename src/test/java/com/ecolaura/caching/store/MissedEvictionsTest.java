package com.ecolaura.caching.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissedEvictionsTest {

    final MissedEvictions missed = new MissedEvictions();

    @Test
    void aMissedEvictionBlocksItsKeyOnlyUntilItIsForgottenForReplay() {
        missed.record("products", "42");

        assertTrue(missed.blocks("products", "42"));
        assertFalse(missed.blocks("products", "43"));
        assertFalse(missed.blocks("profiles", "42"));
        assertEquals(Map.of("products", List.of("42")), missed.snapshot());

        missed.forget("products", "42");
        assertFalse(missed.blocks("products", "42"));
        assertTrue(missed.isEmpty());
    }

    @Test
    void aWholeCacheBlocksEveryKeyOfThatCache() {
        missed.recordAll("search-results");

        assertTrue(missed.blocks("search-results", "gen=3&q=bamboo"));
        assertFalse(missed.blocks("products", "1"));
    }

    @Test
    void pastTenThousandKeysTheCacheIsRecordedWhole() {
        for (int key = 0; key < 10_001; key++) {
            missed.record("products", Integer.toString(key));
        }

        assertTrue(missed.snapshot().get("products").contains(MissedEvictions.ALL));
        assertTrue(missed.blocks("products", "never-recorded"));
    }
}
