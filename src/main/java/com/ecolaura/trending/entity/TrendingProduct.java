package com.ecolaura.trending.entity;

import com.ecolaura.catalog.entity.ProductSummary;

public record TrendingProduct(int rank, long views, ProductSummary product) {}
