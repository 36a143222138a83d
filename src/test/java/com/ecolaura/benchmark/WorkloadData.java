package com.ecolaura.benchmark;

import com.ecolaura.testing.ShopClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The files bench/workload.lua reads: the catalog size, a few hundred search queries ranked by how
 * common their word is in product names, and update bodies for Zipf-drawn products (real products
 * as the API returns them, turned into update requests whose stock wrk fills in).
 */
final class WorkloadData {

    static final double ZIPF_EXPONENT = 1.1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SORTS = List.of("relevance", "price", "-price", "score", "newest");
    private static final Set<String> NOT_INPUT = Set.of("id", "ecoScore", "version", "updatedAt");

    private WorkloadData() {}

    static void write(ShopClient shop, int catalogSize, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("catalog-size.txt"), catalogSize + "\n");
        Files.write(folder.resolve("queries.txt"), queries(shop));
        Files.write(folder.resolve("updates.txt"), updates(shop, catalogSize));
    }

    private static List<String> queries(ShopClient shop) {
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, String> categoryOf = new HashMap<>();
        for (int page = 0; page < 30; page++) {
            for (JsonNode product :
                    json(shop, "/api/products?size=100&page=" + page).get("items")) {
                for (String word : product.get("name").asText().toLowerCase().split("[^a-z]+")) {
                    if (word.length() >= 4) {
                        frequency.merge(word, 1, Integer::sum);
                        categoryOf.putIfAbsent(word, product.get("category").asText());
                    }
                }
            }
        }
        var words = frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .limit(100)
                .toList();
        Set<String> queries = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            queries.add("q=" + encode(word));
            queries.add("q=" + encode(word) + "&sort=" + encode(SORTS.get(i % SORTS.size())));
            queries.add("q=" + encode(word) + "&category=" + encode(categoryOf.get(word)));
        }
        return new ArrayList<>(queries);
    }

    private static List<String> updates(ShopClient shop, int catalogSize) throws IOException {
        var zipf = new Zipf(catalogSize, ZIPF_EXPONENT, new Random(42));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long id = zipf.next();
            ObjectNode product = (ObjectNode) json(shop, "/api/products/" + id);
            product.remove(NOT_INPUT);
            product.put("stock", 0);
            String body = JSON.writeValueAsString(product).replace("\"stock\":0", "\"stock\":__STOCK__");
            lines.add(id + "\t" + body);
        }
        return lines;
    }

    private static JsonNode json(ShopClient shop, String path) {
        var reply = shop.get(path);
        if (reply.status() != 200) {
            throw new IllegalStateException(path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Ranks 1..n drawn with probability proportional to 1 / rank^s (the Lua script draws the same way). */
    static final class Zipf {
        private final double[] cumulative;
        private final Random random;

        Zipf(int n, double exponent, Random random) {
            this.random = random;
            cumulative = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1 / Math.pow(k, exponent);
                cumulative[k - 1] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        long next() {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return (index >= 0 ? index : -index - 1) + 1;
        }
    }
}
