package com.ecolaura.catalog.entity;

import java.util.List;

/** One page of a product listing; {@code total} counts all matches. */
public record ProductPage(long total, int page, int size, List<ProductSummary> items) {}
