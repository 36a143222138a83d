package com.ecolaura.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reference data: a sustainability certification and the weight it carries in a score. */
@Entity
@Table(name = "certification_ratings")
public class CertificationRating {

    @Id
    @Column(length = 40)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    private int weight;

    protected CertificationRating() {}

    public CertificationRating(String code, String name, int weight) {
        this.code = code;
        this.name = name;
        this.weight = weight;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getWeight() {
        return weight;
    }
}
