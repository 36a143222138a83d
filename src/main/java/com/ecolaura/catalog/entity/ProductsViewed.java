package com.ecolaura.catalog.entity;

import java.util.List;

/**
 * Product views, in the order they happened, delivered in batches off the request threads: what
 * learns from views (trending counts, hot products, what is viewed next) observes this.
 */
public record ProductsViewed(List<ProductViewed> views) {}
