package com.ecolaura.trending.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** How often a product was viewed in one hour. */
@Entity
@Table(name = "product_view_counts", uniqueConstraints = @UniqueConstraint(columnNames = {"productId", "hourStart"}))
public class ProductViewCount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "view_count_ids")
    @SequenceGenerator(name = "view_count_ids", sequenceName = "view_count_ids", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private long productId;

    @Column(nullable = false)
    private Instant hourStart;

    private long views;

    protected ProductViewCount() {}

    public ProductViewCount(long productId, Instant hourStart, long views) {
        this.productId = productId;
        this.hourStart = hourStart;
        this.views = views;
    }
}
