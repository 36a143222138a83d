package com.ecolaura.catalog.entity;

import com.ecolaura.problems.entity.ReadOnlyFields;
import com.ecolaura.problems.entity.Words;
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

/**
 * The body of {@code POST /api/products} and {@code PUT /api/products/{id}}: what {@code GET}
 * returns, whose read-only fields are dropped ({@code ecoScore}, {@code updatedAt}) or checked
 * ({@code id} against the path, {@code version} against {@code If-Match}).
 */
@ReadOnlyFields({"ecoScore", "imageUrl", "updatedAt"})
public class ProductInput {

    /** Read-only: if given, it must be the product the path names. */
    public Long id;

    /** Read-only: if given with {@code If-Match}, it must be a version If-Match names. */
    public Long version;

    @NotBlank
    @Size(max = 32)
    @Pattern(regexp = "[A-Za-z0-9-]+")
    public String sku;

    @NotBlank
    @Size(max = 160)
    public String name;

    @Size(max = 2000)
    public String description;

    @NotBlank
    @Size(max = 40)
    public String category;

    @Size(max = 80)
    public String brand;

    @NotNull
    @DecimalMin("0.00")
    @DecimalMax("1000000.00")
    @Digits(integer = 10, fraction = 2)
    public BigDecimal price;

    @NotNull
    @Pattern(regexp = "[A-Z]{3}")
    public String currency;

    @Min(0)
    @Max(10_000_000)
    public int stock;

    @Size(max = 20)
    @Words(maxLength = 60)
    public List<String> materials;

    @Size(max = 20)
    @Words(maxLength = 40)
    public List<String> certifications;

    @DecimalMin("0.000")
    @DecimalMax("100000.000")
    @Digits(integer = 7, fraction = 3)
    public BigDecimal carbonFootprintKg;

    @Min(0)
    @Max(100)
    public int recycledContentPercent;

    public Packaging packaging;

    @Pattern(regexp = "[A-Z]{2}")
    public String originCountry;

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String category() {
        return category;
    }

    public String brand() {
        return brand;
    }

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    public int stock() {
        return stock;
    }

    public List<String> materials() {
        return materials;
    }

    public List<String> certifications() {
        return certifications;
    }

    public BigDecimal carbonFootprintKg() {
        return carbonFootprintKg;
    }

    public int recycledContentPercent() {
        return recycledContentPercent;
    }

    public Packaging packaging() {
        return packaging;
    }

    public String originCountry() {
        return originCountry;
    }

    public List<String> materialsOrEmpty() {
        return materials == null ? List.of() : materials;
    }

    public List<String> certificationsOrEmpty() {
        return certifications == null ? List.of() : certifications;
    }
}
