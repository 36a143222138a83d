package com.ecolaura.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.catalog.entity.FieldSelection;
import com.ecolaura.catalog.entity.Packaging;
import com.ecolaura.catalog.entity.ProductDetails;
import com.ecolaura.catalog.entity.ProductOffer;
import com.ecolaura.catalog.entity.ProductView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSelectionTest {

    private static final ProductDetails DETAILS = new ProductDetails(
            7,
            "ECO-7",
            "Tote",
            "a tote",
            "fashion",
            "Heron",
            List.of("hemp"),
            List.of(),
            BigDecimal.ONE,
            30,
            Packaging.PLASTIC_FREE,
            "PT",
            61);
    private static final ProductOffer OFFER =
            new ProductOffer(7, new BigDecimal("24.00"), "EUR", 3, 5, Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void fieldsComeInTheOrderOfTheFullProductEachFromItsPart() {
        var selection = FieldSelection.parse(" price ,name,stock,name");

        assertEquals(List.of("name", "price", "stock"), selection.fields());
        assertTrue(selection.needsDetails() && selection.needsOffer());
        assertEquals(
                Map.of("name", "Tote", "price", new BigDecimal("24.00"), "stock", 3), selection.of(DETAILS, OFFER));
    }

    @Test
    void onlyStableFieldsNeedNoOffer() {
        var selection = FieldSelection.parse("description,materials");

        assertFalse(selection.needsOffer());
        assertEquals(List.of("hemp"), selection.of(DETAILS, null).get("materials"));
    }

    @Test
    void everyFieldOfTheFullProductCanBeSelected() {
        String all = Arrays.stream(ProductView.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();

        var values = FieldSelection.parse(all).of(DETAILS, OFFER);

        assertEquals(ProductView.class.getRecordComponents().length, values.size());
        assertEquals(61, values.get("ecoScore"));
        assertEquals(5L, values.get("version"));
    }

    @Test
    void anEmptyOrUnknownFieldIsRefused() {
        for (String bad : List.of("", "name,", ",", "name,secret", "NAME")) {
            var error = assertThrows(IllegalArgumentException.class, () -> FieldSelection.parse(bad), bad);
            assertFalse(error.getMessage().contains("secret"), "the input is not echoed");
        }
    }
}
