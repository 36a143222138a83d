package com.ecolaura.catalog.control;

import com.ecolaura.catalog.entity.Category;
import com.ecolaura.catalog.entity.CategoryView;
import com.ecolaura.problems.entity.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Checks a category parameter against the catalog (categories sit in the second-level cache). */
@ApplicationScoped
public class Categories {

    @PersistenceContext
    EntityManager em;

    /** Every category, by slug (the table is small and sits in the second-level cache). */
    public List<CategoryView> all() {
        return em
                .createQuery("select c from Category c order by c.slug", Category.class)
                .setHint("org.hibernate.cacheable", true)
                .getResultList()
                .stream()
                .map(CategoryView::of)
                .toList();
    }

    /** The slug if the category exists, null for none given, 400 for an unknown one. */
    public String known(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        if (slug.length() > 40 || em.find(Category.class, slug.strip()) == null) {
            throw InvalidRequestException.ofParameter(
                    "category", "unknown category '" + (slug.length() > 40 ? slug.substring(0, 40) + "…" : slug) + "'");
        }
        return slug.strip();
    }
}
