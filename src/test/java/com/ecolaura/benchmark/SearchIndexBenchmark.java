package com.ecolaura.benchmark;

import com.ecolaura.catalog.control.ReferenceData;
import com.ecolaura.catalog.control.SampleProducts;
import com.ecolaura.catalog.entity.Category;
import com.ecolaura.database.control.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A search the cache does not answer, on PostgreSQL with 100,000 sample products, with and without
 * the trigram indexes of migration V3: the shop's own SQL (Hibernate's count and page queries of
 * {@code ProductSearch}), p50 and p90 of each term. {@code bench/search}; -Dbench.products=…
 */
public final class SearchIndexBenchmark {

    private static final List<String> TERMS = List.of("bamboo", "sisal", "refill", "organic jar", "zzqx");
    private static final int RUNS = Integer.getInteger("bench.search-runs", 30);

    private static final String WHERE =
            " where (lower(p.name) like ? escape '!' or lower(p.description) like ? escape '!'"
                    + " or lower(p.brand) like ? escape '!' or lower(p.materials) like ? escape '!')";
    private static final String COUNT = "select count(p.id) from products p" + WHERE;
    private static final String PAGE =
            "select p.*, c.name from products p join categories c on c.slug = p.category_slug"
                    + WHERE
                    + " order by case when lower(p.name) like ? escape '!' then 0 else 1 end, p.ecoScore desc, p.id"
                    + " offset 0 rows fetch first 20 rows only";

    private SearchIndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        int products = Integer.getInteger("bench.products", 100_000);
        try (var postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            SchemaMigrations.migrate(database);
            long loaded = System.nanoTime();
            load(database, products);
            System.out.printf("loaded %,d products in %.1f s%n", products, (System.nanoTime() - loaded) / 1e9);
            try (var connection = database.getConnection()) {
                var without = new HashMap<String, double[]>();
                run(
                        connection,
                        "drop index products_name_trgm, products_description_trgm, products_brand_trgm,"
                                + " products_materials_trgm");
                for (String term : TERMS) {
                    without.put(term, measure(connection, term));
                }
                long indexing = System.nanoTime();
                run(connection, "create index products_name_trgm on products using gin (lower(name) gin_trgm_ops)");
                run(
                        connection,
                        "create index products_description_trgm on products using gin (lower(description) gin_trgm_ops)");
                run(connection, "create index products_brand_trgm on products using gin (lower(brand) gin_trgm_ops)");
                run(
                        connection,
                        "create index products_materials_trgm on products using gin (lower(materials) gin_trgm_ops)");
                run(connection, "analyze products");
                System.out.printf("indexes built in %.1f s%n", (System.nanoTime() - indexing) / 1e9);
                System.out.printf(
                        "%n%-14s %10s %16s %16s %16s %16s%n",
                        "term", "matches", "p50 no index", "p90 no index", "p50 trigram", "p90 trigram");
                for (String term : TERMS) {
                    double[] with = measure(connection, term);
                    System.out.printf(
                            "%-14s %,10d %13.1f ms %13.1f ms %13.1f ms %13.1f ms%n",
                            term, (long) with[2], without.get(term)[0], without.get(term)[1], with[0], with[1]);
                }
            }
        }
    }

    /** p50 and p90 of the count and page queries together, in ms, and the number of matches. */
    private static double[] measure(Connection connection, String term) throws SQLException {
        String pattern = "%" + term + "%";
        var times = new ArrayList<Double>();
        long matches = 0;
        for (int i = 0; i < RUNS + 3; i++) {
            long started = System.nanoTime();
            try (var count = connection.prepareStatement(COUNT)) {
                for (int p = 1; p <= 4; p++) {
                    count.setString(p, pattern);
                }
                try (var rows = count.executeQuery()) {
                    rows.next();
                    matches = rows.getLong(1);
                }
            }
            try (var page = connection.prepareStatement(PAGE)) {
                for (int p = 1; p <= 5; p++) {
                    page.setString(p, pattern);
                }
                try (var rows = page.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong("id");
                    }
                }
            }
            if (i >= 3) {
                times.add((System.nanoTime() - started) / 1e6);
            }
        }
        Collections.sort(times);
        return new double[] {times.get(times.size() / 2), times.get(times.size() * 9 / 10), matches};
    }

    private static void load(DataSource database, int count) throws SQLException {
        Map<String, Category> categories = new HashMap<>();
        for (var seed : ReferenceData.CATEGORIES) {
            categories.put(seed.slug(), new Category(seed.slug(), seed.name()));
        }
        var samples = new SampleProducts();
        try (var connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("insert into categories (slug, name) values (?, ?)")) {
                for (var category : categories.values()) {
                    insert.setString(1, category.getSlug());
                    insert.setString(2, category.getName());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (var insert =
                    connection.prepareStatement("insert into products (id, sku, name, description, category_slug,"
                            + " brand, price, currency, stock, materials, certifications, carbonFootprintKg, recycledContentPercent,"
                            + " packaging, originCountry, ecoScore, version, updatedAt) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, 0, ?)")) {
                for (int n = 1; n <= count; n++) {
                    var product = samples.product(n, categories);
                    insert.setLong(1, n);
                    insert.setString(2, product.getSku());
                    insert.setString(3, product.getName());
                    insert.setString(4, product.getDescription());
                    insert.setString(5, product.getCategory().getSlug());
                    insert.setString(6, product.getBrand());
                    insert.setBigDecimal(7, product.getPrice());
                    insert.setString(8, product.getCurrency());
                    insert.setInt(9, product.getStock());
                    insert.setString(10, String.join("\n", product.getMaterials()));
                    insert.setString(11, String.join("\n", product.getCertifications()));
                    insert.setBigDecimal(12, product.getCarbonFootprintKg());
                    insert.setInt(13, product.getRecycledContentPercent());
                    insert.setString(14, product.getPackaging().name());
                    insert.setString(15, product.getOriginCountry());
                    insert.setInt(16, product.getEcoScore());
                    insert.setTimestamp(17, Timestamp.from(product.getUpdatedAt()));
                    insert.addBatch();
                    if (n % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            run(connection, "analyze products");
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
