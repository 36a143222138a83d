package com.ecolaura.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reference data: how sustainable a material is, 0–100. */
@Entity
@Table(name = "material_ratings")
public class MaterialRating {

    @Id
    @Column(length = 60)
    private String material;

    private int rating;

    private boolean renewable;

    protected MaterialRating() {}

    public MaterialRating(String material, int rating, boolean renewable) {
        this.material = material;
        this.rating = rating;
        this.renewable = renewable;
    }

    public String getMaterial() {
        return material;
    }

    public int getRating() {
        return rating;
    }

    public boolean isRenewable() {
        return renewable;
    }
}
