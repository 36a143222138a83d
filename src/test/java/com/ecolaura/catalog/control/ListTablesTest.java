package com.ecolaura.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database written when materials and certifications were tables of their own is adopted without
 * loss: each product's entries, in their order, move into its column, and the old tables go. On a
 * real PostgreSQL, as the schema Hibernate's {@code update} made (the new columns added empty).
 */
class ListTablesTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theEntriesOfTheOldTablesMoveIntoTheProductsInTheirOrderAndTheTablesGo() throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            run(
                    connection,
                    "create table products (id bigint primary key, materials varchar(1300), certifications varchar(900))",
                    "create table product_materials (Product_id bigint not null, position integer not null,"
                            + " material varchar(60), primary key (Product_id, position))",
                    "insert into products (id) values (1), (2), (3)",
                    "insert into product_materials values (1, 1, 'recycled aluminium'), (1, 0, 'flax fibre'),"
                            + " (2, 0, 'cork')",
                    "update products set materials = 'hemp' where id = 3");

            assertTrue(ListTables.exist(connection, "product_materials"));
            assertFalse(ListTables.exist(connection, "product_certifications"));
            assertEquals(2, ListTables.move(connection, "product_materials", "material", "materials"));

            assertEquals(
                    Map.of(1L, "flax fibre\nrecycled aluminium", 2L, "cork", 3L, "hemp"),
                    column(connection, "materials"),
                    "in their order; a product written since keeps its own");
            assertFalse(ListTables.exist(connection, "product_materials"));
        }
    }

    private static Map<Long, String> column(Connection connection, String column) throws SQLException {
        var values = new LinkedHashMap<Long, String>();
        try (var rows =
                connection.createStatement().executeQuery("select id, " + column + " from products order by id")) {
            while (rows.next()) {
                values.put(rows.getLong(1), rows.getString(2));
            }
        }
        return values;
    }

    private static void run(Connection connection, String... statements) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
