package com.ecolaura.catalog.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product's sustainability score (0–100, graded A–E) and what it is made of; each component is
 * 0–100 and weighs as {@code SustainabilityScorer} says.
 */
public record SustainabilityScore(
        long productId,
        long productVersion,
        int score,
        String grade,
        int materials,
        int certifications,
        int footprint,
        int packaging,
        int recycledContent,
        BigDecimal categoryAverageFootprintKg,
        Instant computedAt) {}
