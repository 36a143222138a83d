package com.ecolaura.search.entity;

import com.ecolaura.caching.control.CacheKeySource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A normalised search: lower-cased, trimmed text; so {@code "Bamboo "} and {@code "bamboo"} share
 * one cache entry ({@code q=bamboo&category=kitchen&minScore=60&sort=price&page=0&size=20}).
 */
public record SearchQuery(String text, String category, Integer minScore, SearchSort sort, int page, int size)
        implements CacheKeySource {

    public SearchQuery {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        category = category == null || category.isBlank() ? null : category.strip();
        sort = sort == null ? SearchSort.RELEVANCE : sort;
    }

    @Override
    public String cacheKey() {
        return "q=" + encode(text)
                + "&category=" + (category == null ? "" : encode(category))
                + "&minScore=" + (minScore == null ? "" : minScore)
                + "&sort=" + sort.parameter()
                + "&page=" + page
                + "&size=" + size;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
