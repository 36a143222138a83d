package com.ecolaura.search.entity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The orders a search can come in; {@code relevance} puts name matches first. */
public enum SearchSort {
    RELEVANCE("relevance"),
    NAME("name"),
    PRICE_ASC("price"),
    PRICE_DESC("-price"),
    SCORE("score"),
    NEWEST("newest");

    private final String parameter;

    SearchSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The sort a request parameter names; none given means relevance. */
    public static Optional<SearchSort> of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Optional.of(RELEVANCE);
        }
        return Arrays.stream(values())
                .filter(sort -> sort.parameter.equals(parameter))
                .findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(SearchSort::parameter).collect(Collectors.joining(", "));
    }
}
