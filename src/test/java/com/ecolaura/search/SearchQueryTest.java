package com.ecolaura.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.search.entity.SearchQuery;
import com.ecolaura.search.entity.SearchSort;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void queriesThatDifferInCaseAndSpacesShareAKey() {
        var a = new SearchQuery(3, " Bamboo Brush ", "kitchen", 50, SearchSort.PRICE_ASC, 0, 20);
        var b = new SearchQuery(3, "bamboo brush", "kitchen", 50, SearchSort.PRICE_ASC, 0, 20);
        assertEquals("gen=3&q=bamboo+brush&category=kitchen&minScore=50&sort=price&page=0&size=20", a.cacheKey());
        assertEquals(a.cacheKey(), b.cacheKey());
    }

    @Test
    void everyParameterAndTheCatalogGenerationArePartOfTheKey() {
        var base = new SearchQuery(0, "tea", null, null, null, 0, 20);
        assertEquals("gen=0&q=tea&category=&minScore=&sort=relevance&page=0&size=20", base.cacheKey());
        assertNotEquals(base.cacheKey(), new SearchQuery(0, "tea", null, null, null, 1, 20).cacheKey());
        assertNotEquals(base.cacheKey(), new SearchQuery(0, "tea", null, 0, null, 0, 20).cacheKey());
        assertNotEquals(base.cacheKey(), new SearchQuery(0, "tea&category=x", null, null, null, 0, 20).cacheKey());
        assertNotEquals(base.cacheKey(), base.atGeneration(1).cacheKey());
    }

    @Test
    void allPagesOfASearchShareItsFamily() {
        var first = new SearchQuery(2, "cork", null, null, SearchSort.SCORE, 0, 20);
        var third = new SearchQuery(2, "cork", null, null, SearchSort.SCORE, 2, 10);
        assertEquals(first.familyKey(), third.familyKey());
        assertTrue(first.cacheKey().startsWith(first.familyKey()));
    }

    @Test
    void sortParametersAreChecked() {
        assertEquals(SearchSort.PRICE_DESC, SearchSort.of("-price").orElseThrow());
        assertEquals(SearchSort.RELEVANCE, SearchSort.of(null).orElseThrow());
        assertTrue(SearchSort.of("cheapest").isEmpty());
    }
}
