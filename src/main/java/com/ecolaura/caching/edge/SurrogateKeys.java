package com.ecolaura.caching.edge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The keys an edge cache files a response under, and a write purges by (Varnish's {@code xkey}):
 * every response has {@value #ALL} and its cache's name; one that shows products has
 * {@code product-<id>} for each, so a product's change purges its detail, its score and every
 * search page or trending list that shows it.
 */
public record SurrogateKeys(Set<String> keys) {

    /** On every response: purging it empties the edge of the shop's answers. */
    public static final String ALL = "ecolaura";

    public SurrogateKeys {
        keys = Set.copyOf(keys);
    }

    public static SurrogateKeys of(String cacheName, long... productIds) {
        return of(cacheName, LongStream.of(productIds));
    }

    public static SurrogateKeys of(String cacheName, LongStream productIds) {
        var keys = new LinkedHashSet<String>();
        keys.add(ALL);
        keys.add(cacheName);
        productIds.mapToObj(SurrogateKeys::product).forEach(keys::add);
        return new SurrogateKeys(keys);
    }

    public static String product(long productId) {
        return "product-" + productId;
    }

    /** The header's value: the keys, space-separated. */
    public String header() {
        return String.join(" ", List.copyOf(keys));
    }
}
