package com.ecolaura.caching.metrics;

/**
 * The work the caches spare, counted where it is done ({@link CacheMetrics#work}): each a counter
 * registered at 0 at start.
 */
public enum Work {
    PRODUCT_LOADS(
            "ecolaura.catalog.product.loads", "Product details read from the database (misses of the products cache)"),
    PRODUCT_DETAIL_LOADS(
            "ecolaura.catalog.product.detail.loads",
            "Product details read from the database (misses of the product-details cache)"),
    PRODUCT_OFFER_LOADS(
            "ecolaura.catalog.product.offer.loads",
            "Product offers read from the database (misses of the product-offers cache)"),
    SCORE_COMPUTATIONS(
            "ecolaura.catalog.score.computations",
            "Sustainability scores computed from the database (cache misses and writes)"),
    SEARCH_EXECUTIONS(
            "ecolaura.search.executions", "Searches run on the database (misses of the search-results cache)"),
    TRENDING_COMPUTATIONS(
            "ecolaura.trending.computations", "Trending lists ranked on the database (misses of the trending cache)"),
    VIEW_FLUSHES("ecolaura.trending.view.flushes", "Batches of product view counts written to the database"),
    PROFILE_LOADS("ecolaura.profiles.loads", "Profiles read from the database (misses of the profiles cache)");

    final String name;
    final String description;

    Work(String name, String description) {
        this.name = name;
        this.description = description;
    }
}
