package com.ecolaura.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.catalog.control.SustainabilityFormula;
import com.ecolaura.catalog.entity.Packaging;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SustainabilityFormulaTest {

    @Test
    void theBestProductScores100AndGradesA() {
        var best = SustainabilityFormula.components(
                List.of(100), 0, 60, new BigDecimal("0.5"), new BigDecimal("10"), Packaging.PLASTIC_FREE, 100);
        assertEquals(100, best.score());
        assertEquals("A", best.grade());
    }

    @Test
    void componentsWeighAsDocumented() {
        var components = SustainabilityFormula.components(
                List.of(80, 60), 0, 30, new BigDecimal("10"), new BigDecimal("10"), Packaging.RECYCLED, 40);
        assertEquals(70, components.materials());
        assertEquals(50, components.certifications());
        assertEquals(50, components.footprint(), "the category average scores 50");
        assertEquals(70, components.packaging());
        assertEquals(Math.round(70 * .35 + 50 * .2 + 50 * .25 + 70 * .1 + 40 * .1), components.score());
    }

    @Test
    void unknownMaterialsCountAsConventional() {
        var components = SustainabilityFormula.components(List.of(90), 1, 0, null, null, null, 0);
        assertEquals(60, components.materials());
        assertEquals(50, components.footprint(), "no footprint: neutral");
        assertEquals(Packaging.CONVENTIONAL.score(), components.packaging());
    }

    @Test
    void footprintFallsFromGoodToBadAcrossTheCategoryAverage() {
        var average = new BigDecimal("10");
        int previous = 101;
        for (String kg : List.of("0.5", "1", "5", "10", "12", "15", "20", "40")) {
            int footprint = SustainabilityFormula.components(List.of(), 0, 0, new BigDecimal(kg), average, null, 0)
                    .footprint();
            assertTrue(footprint <= previous && footprint >= 0 && footprint <= 100, kg + " -> " + footprint);
            previous = footprint;
        }
        assertEquals(0, previous);
    }
}
