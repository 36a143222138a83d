package com.ecolaura.catalog.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

@Entity
@Table(
        name = "products",
        indexes = {
            @Index(name = "products_category", columnList = "category_slug"),
            @Index(name = "products_eco_score", columnList = "ecoScore")
        })
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_ids")
    @SequenceGenerator(name = "product_ids", sequenceName = "product_ids", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String sku;

    @Column(nullable = false, length = 160)
    private String name;

    @Column(length = 2000)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_slug")
    private Category category;

    @Column(length = 80)
    private String brand;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    private int stock;

    /**
     * The materials, one a line (a material is a word list entry: never a line break). A column of the
     * product rather than a table of its own: the product is one row, one second-level cache entry,
     * and search matches it with one LIKE.
     */
    @Column(length = 1300)
    private String materials = "";

    /** The certification codes, one a line. */
    @Column(length = 900)
    private String certifications = "";

    @Column(precision = 10, scale = 3)
    private BigDecimal carbonFootprintKg;

    private int recycledContentPercent;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Packaging packaging;

    @Column(length = 2)
    private String originCountry;

    /** The sustainability score recorded at the last write; search filters and sorts on it. */
    private int ecoScore;

    @Version
    private long version;

    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public int getStock() {
        return stock;
    }

    public void setStock(int stock) {
        this.stock = stock;
    }

    public List<String> getMaterials() {
        return lines(materials);
    }

    public void setMaterials(List<String> materials) {
        this.materials = String.join(LINE, materials);
    }

    public List<String> getCertifications() {
        return lines(certifications);
    }

    public void setCertifications(List<String> certifications) {
        this.certifications = String.join(LINE, certifications);
    }

    private static final String LINE = "\n";

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(LINE, -1));
    }

    public BigDecimal getCarbonFootprintKg() {
        return carbonFootprintKg;
    }

    public void setCarbonFootprintKg(BigDecimal carbonFootprintKg) {
        this.carbonFootprintKg = carbonFootprintKg;
    }

    public int getRecycledContentPercent() {
        return recycledContentPercent;
    }

    public void setRecycledContentPercent(int recycledContentPercent) {
        this.recycledContentPercent = recycledContentPercent;
    }

    public Packaging getPackaging() {
        return packaging;
    }

    public void setPackaging(Packaging packaging) {
        this.packaging = packaging;
    }

    public String getOriginCountry() {
        return originCountry;
    }

    public void setOriginCountry(String originCountry) {
        this.originCountry = originCountry;
    }

    public int getEcoScore() {
        return ecoScore;
    }

    public void setEcoScore(int ecoScore) {
        this.ecoScore = ecoScore;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }
}
