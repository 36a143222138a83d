package com.ecolaura.search.entity;

import com.ecolaura.catalog.entity.ProductSummary;
import java.util.List;

/** One page of search results; {@code total} counts all matches. */
public record SearchPage(String query, long total, int page, int size, List<ProductSummary> items) {}
