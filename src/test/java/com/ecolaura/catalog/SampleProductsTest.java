package com.ecolaura.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.catalog.control.ReferenceData;
import com.ecolaura.catalog.control.SampleProducts;
import com.ecolaura.catalog.entity.Category;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleProductsTest {

    final Map<String, Category> categories = ReferenceData.CATEGORIES.stream()
            .map(seed -> new Category(seed.slug(), seed.name()))
            .collect(Collectors.toMap(Category::getSlug, Function.identity()));

    @Test
    void productNumberNIsTheSameEveryTime() {
        var once = new SampleProducts().product(42, categories);
        var again = new SampleProducts().product(42, categories);
        assertEquals(once.getName(), again.getName());
        assertEquals(once.getPrice(), again.getPrice());
        assertEquals(once.getMaterials(), again.getMaterials());
        assertEquals("ECO-0000042", once.getSku());
        assertNotEquals(
                once.getSku(), new SampleProducts().product(43, categories).getSku());
    }

    @Test
    void everySampleProductIsComplete() {
        var samples = new SampleProducts();
        for (int n = 1; n <= 500; n++) {
            var product = samples.product(n, categories);
            assertFalse(product.getMaterials().isEmpty());
            assertTrue(product.getPrice().signum() > 0);
            assertTrue(product.getEcoScore() >= 0 && product.getEcoScore() <= 100);
            assertTrue(product.getDescription().contains(product.getMaterials().get(0)));
        }
    }
}
