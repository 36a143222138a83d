package com.ecolaura.caching.policy;

/** The JCache cache names, in one place; each is also the name of its Redis hash. */
public final class CacheNames {

    public static final String PRODUCTS = "products";
    public static final String SUSTAINABILITY_SCORES = "sustainability-scores";
    public static final String PROFILES = "profiles";
    public static final String SEARCH_RESULTS = "search-results";
    public static final String TRENDING = "trending";
    /** A product's stable fields, for field-level reads. */
    public static final String PRODUCT_DETAILS = "product-details";
    /** A product's volatile fields (price, stock), for field-level reads. */
    public static final String PRODUCT_OFFERS = "product-offers";

    /** The application's caches, for metrics and administration. */
    public static final java.util.List<String> ALL = java.util.List.of(
            PRODUCTS, SUSTAINABILITY_SCORES, PROFILES, SEARCH_RESULTS, TRENDING, PRODUCT_DETAILS, PRODUCT_OFFERS);

    private CacheNames() {}

    /**
     * The name of a key that belongs with a cache (its fences, its recency, its tags): it carries
     * the cache's name as a Redis Cluster hash tag, so it lives on the slot of the cache's own hash
     * (Redisson's JCache tags its companions {@code {name}} too). Multi-key operations over them stay
     * on one node, and a cache fails over together with everything that guards it.
     */
    public static String companion(String kind, String cacheName) {
        return "ecolaura:" + kind + ":{" + cacheName + "}";
    }
}
