package com.ecolaura.changes.control;

import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Category;
import com.ecolaura.catalog.entity.CertificationRating;
import com.ecolaura.catalog.entity.MaterialRating;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.profiles.entity.UserProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tables behind cached data, the publication the stream follows: for each, its entity (its
 * second-level cache region) and the caches that show what it holds. The product list columns
 * (materials, certifications) live in {@code products}; the rating tables feed every score.
 */
public enum CachedTable {
    PRODUCTS(
            "products",
            Product.class,
            List.of(
                    CacheNames.PRODUCTS,
                    CacheNames.PRODUCT_DETAILS,
                    CacheNames.PRODUCT_OFFERS,
                    CacheNames.SUSTAINABILITY_SCORES,
                    CacheNames.SEARCH_RESULTS,
                    CacheNames.TRENDING)),
    CATEGORIES(
            "categories",
            Category.class,
            List.of(CacheNames.PRODUCTS, CacheNames.PRODUCT_DETAILS, CacheNames.SEARCH_RESULTS, CacheNames.TRENDING)),
    MATERIAL_RATINGS("material_ratings", MaterialRating.class, Feeds.RATINGS),
    CERTIFICATION_RATINGS("certification_ratings", CertificationRating.class, Feeds.RATINGS),
    USER_PROFILES("user_profiles", UserProfile.class, List.of(CacheNames.PROFILES));

    /** What a rating feeds: every score, and every view and list that shows one. */
    private static final class Feeds {
        static final List<String> RATINGS = List.of(
                CacheNames.PRODUCTS,
                CacheNames.PRODUCT_DETAILS,
                CacheNames.SUSTAINABILITY_SCORES,
                CacheNames.SEARCH_RESULTS,
                CacheNames.TRENDING);
    }

    final String table;
    final Class<?> entity;
    final List<String> caches;

    CachedTable(String table, Class<?> entity, List<String> caches) {
        this.table = table;
        this.entity = entity;
        this.caches = caches;
    }

    public String table() {
        return table;
    }

    static Optional<CachedTable> named(String table) {
        return Arrays.stream(values())
                .filter(known -> known.table.equals(table))
                .findFirst();
    }

    /** The tables' names, comma-separated, as {@code CREATE PUBLICATION … FOR TABLE} takes them. */
    static String tableList() {
        return String.join(", ", Arrays.stream(values()).map(CachedTable::table).toList());
    }

    /** Whether the edge shows this table's data: profiles are private, never kept at the edge. */
    boolean atTheEdge() {
        return this != USER_PROFILES;
    }
}
