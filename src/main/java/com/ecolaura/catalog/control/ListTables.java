package com.ecolaura.catalog.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables that held a product's materials and certifications one row an entry, before they
 * became columns of the product (one line an entry): found, moved and dropped over plain JDBC,
 * since Hibernate no longer maps them.
 */
final class ListTables {

    private ListTables() {}

    static boolean exist(Connection connection, String table) throws SQLException {
        try (var query = connection.prepareStatement(
                "select count(*) from information_schema.tables where lower(table_name) = ?")) {
            query.setString(1, table);
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    /** Moves each product's entries, in their order, into its column where it is still empty; then drops the table. */
    static int move(Connection connection, String table, String entry, String column) throws SQLException {
        Map<Long, List<String>> lists = new LinkedHashMap<>();
        try (var query = connection.prepareStatement(
                        "select Product_id, " + entry + " from " + table + " order by Product_id, position");
                var rows = query.executeQuery()) {
            while (rows.next()) {
                lists.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        try (var update = connection.prepareStatement("update products set " + column + " = ? where id = ? and ("
                + column + " is null or " + column + " = '')")) {
            for (var list : lists.entrySet()) {
                update.setString(1, String.join("\n", list.getValue()));
                update.setLong(2, list.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (var drop = connection.createStatement()) {
            drop.execute("drop table " + table);
        }
        return lists.size();
    }
}
