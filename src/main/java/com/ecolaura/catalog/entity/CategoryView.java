package com.ecolaura.catalog.entity;

/** A category as the API shows it: the slug products and filters use, and its name. */
public record CategoryView(String slug, String name) {

    public static CategoryView of(Category category) {
        return new CategoryView(category.getSlug(), category.getName());
    }
}
