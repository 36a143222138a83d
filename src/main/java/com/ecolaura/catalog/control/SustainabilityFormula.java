package com.ecolaura.catalog.control;

import com.ecolaura.catalog.entity.Packaging;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The sustainability score: materials 35 %, certifications 20 %, carbon footprint against the
 * category average 25 %, packaging 10 %, recycled content 10 %. Pure arithmetic, no database.
 */
public final class SustainabilityFormula {

    /** Certification weights add up to a full component at this many points. */
    static final int FULL_CERTIFICATION_POINTS = 60;

    private SustainabilityFormula() {}

    public record Components(int materials, int certifications, int footprint, int packaging, int recycledContent) {

        public int score() {
            return (int) Math.round(materials * 0.35
                    + certifications * 0.20
                    + footprint * 0.25
                    + packaging * 0.10
                    + recycledContent * 0.10);
        }

        public String grade() {
            int score = score();
            return score >= 80 ? "A" : score >= 65 ? "B" : score >= 50 ? "C" : score >= 35 ? "D" : "E";
        }
    }

    /**
     * @param materialRatings the ratings (0–100) of the product's known materials; unknown
     *     materials count as 30, a conventional material
     * @param unknownMaterials how many of the product's materials have no rating
     */
    public static Components components(
            Collection<Integer> materialRatings,
            int unknownMaterials,
            int certificationPoints,
            BigDecimal footprintKg,
            BigDecimal categoryAverageKg,
            Packaging packaging,
            int recycledContentPercent) {
        int rated = materialRatings.size() + unknownMaterials;
        int materials = rated == 0
                ? 30
                : (int) Math.round(
                        (materialRatings.stream().mapToInt(Integer::intValue).sum() + 30.0 * unknownMaterials) / rated);
        int certifications = Math.min(100, certificationPoints * 100 / FULL_CERTIFICATION_POINTS);
        return new Components(
                materials,
                certifications,
                footprint(footprintKg, categoryAverageKg),
                packaging == null ? Packaging.CONVENTIONAL.score() : packaging.score(),
                Math.max(0, Math.min(100, recycledContentPercent)));
    }

    /** 50 at the category average, 100 at a tenth of it or less, 0 at twice it or more. */
    static int footprint(BigDecimal footprintKg, BigDecimal categoryAverageKg) {
        if (footprintKg == null || categoryAverageKg == null || categoryAverageKg.signum() <= 0) {
            return 50;
        }
        double ratio =
                footprintKg.divide(categoryAverageKg, 6, RoundingMode.HALF_UP).doubleValue();
        if (ratio <= 1.0) {
            return (int) Math.round(100 - 50 * Math.max(0, ratio - 0.1) / 0.9);
        }
        return (int) Math.round(Math.max(0, 50 - 50 * (ratio - 1.0)));
    }
}
