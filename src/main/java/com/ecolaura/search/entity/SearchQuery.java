package com.ecolaura.search.entity;

import com.ecolaura.caching.entity.CacheKeySource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A normalised search at a catalog generation: lower-cased, trimmed text, so {@code "Bamboo "} and
 * {@code "bamboo"} share one cache entry
 * ({@code gen=3&q=bamboo&category=kitchen&minScore=60&sort=price&page=0&size=20}).
 */
public record SearchQuery(
        long generation, String text, String category, Integer minScore, SearchSort sort, int page, int size)
        implements CacheKeySource {

    public SearchQuery {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        category = category == null || category.isBlank() ? null : category.strip();
        sort = sort == null ? SearchSort.RELEVANCE : sort;
    }

    /** The same search at another catalog generation. */
    public SearchQuery atGeneration(long newGeneration) {
        return new SearchQuery(newGeneration, text, category, minScore, sort, page, size);
    }

    @Override
    public String cacheKey() {
        return familyKey() + "&page=" + page + "&size=" + size;
    }

    /** The key of every page of this search. */
    public String familyKey() {
        return "gen=" + generation
                + "&q=" + encode(text)
                + "&category=" + (category == null ? "" : encode(category))
                + "&minScore=" + (minScore == null ? "" : minScore)
                + "&sort=" + sort.parameter();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
