package com.ecolaura.catalog.entity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code POST /api/products} and {@code PUT /api/products/{id}}. */
public record ProductInput(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+") String sku,
        @NotBlank @Size(max = 160) String name,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 40) String category,
        @Size(max = 80) String brand,
        @NotNull @DecimalMin("0.00") @DecimalMax("1000000.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @Min(0) @Max(10_000_000) int stock,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> materials,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> certifications,
        @DecimalMin("0.000") @DecimalMax("100000.000") @Digits(integer = 7, fraction = 3) BigDecimal carbonFootprintKg,
        @Min(0) @Max(100) int recycledContentPercent,
        Packaging packaging,
        @Pattern(regexp = "[A-Z]{2}") String originCountry) {

    public List<String> materialsOrEmpty() {
        return materials == null ? List.of() : materials;
    }

    public List<String> certificationsOrEmpty() {
        return certifications == null ? List.of() : certifications;
    }
}
