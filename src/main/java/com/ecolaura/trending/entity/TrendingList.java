package com.ecolaura.trending.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The most viewed products within {@code window} before {@code computedAt}. */
public record TrendingList(Duration window, Instant computedAt, List<TrendingProduct> items) {}
