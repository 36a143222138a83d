package com.ecolaura.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.database.control.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The versioned schema against real databases: a new one gets every version and fits the entities
 * (Hibernate's own validation), and one that Hibernate's {@code hbm2ddl=update} made, rows and all,
 * is adopted without losing them.
 */
class SchemaMigrationsTest {

    private static final String[] ENTITIES = {
        "com.ecolaura.catalog.entity.Product",
        "com.ecolaura.catalog.entity.MaterialRating",
        "com.ecolaura.catalog.entity.CertificationRating",
        "com.ecolaura.catalog.entity.Category",
        "com.ecolaura.trending.entity.ProductViewCount",
        "com.ecolaura.profiles.entity.UserProfile"
    };

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
    void aNewPostgresDatabaseGetsEveryVersionAndFitsTheEntities() throws Exception {
        DataSource database = newPostgresDatabase();
        assertEquals("4", SchemaMigrations.migrate(database));
        hibernate(database, "org.hibernate.dialect.PostgreSQLDialect", "validate");
        assertEquals(
                List.of("1", "2", "3", "4"),
                column(database, "select version from flyway_schema_history order by installed_rank"));
        assertTrue(column(database, "select indexname from pg_indexes where tablename = 'products'")
                .containsAll(List.of(
                        "products_name_trgm",
                        "products_description_trgm",
                        "products_brand_trgm",
                        "products_materials_trgm")));
    }

    @Test
    void aPostgresDatabaseMadeByUpdateIsAdoptedWithItsRows() throws Exception {
        DataSource database = newPostgresDatabase();
        hibernate(database, "org.hibernate.dialect.PostgreSQLDialect", "update");
        insertRows(database);

        assertEquals("4", SchemaMigrations.migrate(database));

        assertEquals(
                List.of("1:BASELINE", "2:SQL", "3:SQL", "4:SQL"),
                column(database, "select version || ':' || type from flyway_schema_history order by installed_rank"));
        assertRowsKept(database);
        hibernate(database, "org.hibernate.dialect.PostgreSQLDialect", "validate");
    }

    @Test
    void anUpdateFromOutsideTheShopRaisesTheVersionAndTheShopsOwnIsLeftAlone() throws Exception {
        DataSource database = newPostgresDatabase();
        SchemaMigrations.migrate(database);
        insertRows(database);
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("update products set name = 'Bamboo Brush, soft' where id = 7");
            statement.executeUpdate("update user_profiles set displayName = 'Ada L.' where userId = 'ada'");
            // as Hibernate writes a versioned entity: the next version, checked against the one read
            statement.executeUpdate("update products set stock = 2, version = 6 where id = 7 and version = 5");
        }
        assertEquals(List.of("6"), column(database, "select version from products where id = 7"));
        assertEquals(List.of("3"), column(database, "select version from user_profiles where userId = 'ada'"));
    }

    @Test
    void theSearchOfPartsOfWordsCanUseTheTrigramIndexes() throws Exception {
        DataSource database = newPostgresDatabase();
        SchemaMigrations.migrate(database);
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off"); // a tiny table: make the planner show it can
            var plan = new StringBuilder();
            // the shape of ProductSearch's condition, as Hibernate writes it
            try (var rows = statement.executeQuery("explain select id from products where lower(name) like '%bamb%'"
                    + " escape '!' or lower(description) like '%bamb%' escape '!' or lower(brand) like '%bamb%'"
                    + " escape '!' or lower(materials) like '%bamb%' escape '!'")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("products_name_trgm"), plan.toString());
            assertTrue(plan.toString().contains("products_materials_trgm"), plan.toString());
        }
    }

    @Test
    void h2DatabasesNewOrMadeByUpdateReachTheSameVersion() throws Exception {
        DataSource fresh = h2();
        assertEquals("2", SchemaMigrations.migrate(fresh));
        hibernate(fresh, "org.hibernate.dialect.H2Dialect", "validate");

        DataSource made = h2();
        hibernate(made, "org.hibernate.dialect.H2Dialect", "update");
        insertRows(made);
        assertEquals("2", SchemaMigrations.migrate(made));
        assertEquals(
                List.of("1:BASELINE", "2:SQL"),
                column(
                        made,
                        "select \"version\" || ':' || \"type\" from \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\""));
        assertRowsKept(made);
        hibernate(made, "org.hibernate.dialect.H2Dialect", "validate");
    }

    private static void insertRows(DataSource database) throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("insert into categories (slug, name) values ('kitchen', 'Kitchen')");
            statement.execute("insert into products (id, sku, name, category_slug, price, currency, stock, ecoScore,"
                    + " recycledContentPercent, version, materials) values (7, 'ECO-7', 'Bamboo Brush', 'kitchen',"
                    + " 4.50, 'EUR', 3, 61, 20, 4, 'bamboo\nsisal')");
            statement.execute("insert into user_profiles (userId, displayName, minimumEcoScore, newsletter, version)"
                    + " values ('ada', 'Ada', 10, true, 2)");
        }
    }

    private static void assertRowsKept(DataSource database) throws SQLException {
        assertEquals(
                List.of("ECO-7 Bamboo Brush 4.50 4 bamboo\nsisal"),
                column(
                        database,
                        "select sku || ' ' || name || ' ' || price || ' ' || version || ' ' || materials from products"));
        assertEquals(List.of("Ada"), column(database, "select displayName from user_profiles"));
    }

    private static DataSource newPostgresDatabase() throws SQLException {
        String name = "shop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    private static DataSource h2() {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** Hibernate's schema tool on the database: {@code update} makes what the shop made before, {@code validate} fails on any misfit. */
    private static void hibernate(DataSource database, String dialect, String action) throws Exception {
        var registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", database)
                .applySetting("hibernate.dialect", dialect)
                .applySetting("hibernate.hbm2ddl.auto", action)
                .applySetting("hibernate.cache.use_second_level_cache", "false")
                .applySetting("hibernate.cache.use_query_cache", "false")
                .build();
        var sources = new MetadataSources(registry);
        for (String entity : ENTITIES) {
            sources.addAnnotatedClass(Class.forName(entity));
        }
        sources.buildMetadata().buildSessionFactory().close();
    }

    private static List<String> column(DataSource database, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var connection = database.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
