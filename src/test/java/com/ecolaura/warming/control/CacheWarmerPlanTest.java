package com.ecolaura.warming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CacheWarmerPlanTest {

    @Test
    void theHotProductsComeFirstAndTheCatalogAddsOnlyWhatTheyMiss() {
        var plan = CacheWarmer.plan(List.of(7L, 3L), List.of(1L, 2L, 3L, 4L, 7L));

        assertEquals(List.of(7L, 3L, 1L, 2L, 4L), plan);
    }

    @Test
    void aCatalogTooBigToWarmWholeLeavesTheHotProducts() {
        assertEquals(List.of(9L, 8L), CacheWarmer.plan(List.of(9L, 8L), List.of()));
    }

    @Test
    void withNothingHotAnEmptiedRedisIsWarmedFromTheCatalog() {
        assertEquals(List.of(1L, 2L, 5L), CacheWarmer.plan(List.of(), List.of(1L, 2L, 5L)));
    }
}
