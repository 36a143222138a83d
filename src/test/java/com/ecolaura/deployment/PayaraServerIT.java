package com.ecolaura.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.testing.RedisProbe;
import com.ecolaura.testing.ShopClient;
import com.ecolaura.testing.ShopInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR as operators deploy it on a full Payara Server 6: the distribution from Maven Central,
 * a domain of its own on free ports, configured with {@code asadmin} (a loopback management
 * listener for the metrics, the environment for Redis, on PostgreSQL a JDBC resource of the
 * server's named in {@code ECOLAURA_DB_JNDI_NAME}), the unchanged
 * {@code target/ecolaura.war} deployed with {@code asadmin deploy}. docs/operations.md has the
 * same steps for people.
 */
@ExtendWith(ShopInfrastructure.class)
class PayaraServerIT {

    private static Path home;
    private static String asadmin;
    private static int adminPort;
    private static URL shopUrl;
    private static ShopClient shop;

    @BeforeAll
    static void deploy() throws Exception {
        home = Files.createTempDirectory("payara-server");
        unzip(Path.of(System.getProperty("payara.server.zip")), home);
        asadmin = home.resolve("payara6/bin/asadmin").toString();
        int base = freePortBase();
        adminPort = base + 48;
        int managementPort = ShopInfrastructure.freePort();
        System.setProperty("ecolaura.test.server.management.port", Integer.toString(managementPort));

        run(List.of(asadmin, "create-domain", "--nopassword=true", "--portbase", Integer.toString(base), "ecolaura"));
        if (onPostgresql()) {
            // the driver where a server's pools find it (what `asadmin add-library` does, without a restart)
            Path driver = Path.of(org.postgresql.Driver.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Files.copy(
                    driver,
                    home.resolve("payara6/glassfish/domains/ecolaura/lib").resolve(driver.getFileName()));
        }
        run(List.of(asadmin, "start-domain", "ecolaura"));
        if (onPostgresql()) {
            // the database as an operator defines it: a pool and a JDBC resource of the server's
            var database = URI.create(databaseUrl().substring("jdbc:".length()));
            run(admin("create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                    + " --restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=16"
                    + " --property=serverName=" + database.getHost() + ":portNumber=" + database.getPort()
                    + ":databaseName=" + database.getPath().substring(1) + ":user="
                    + System.getProperty("ecolaura.test.db.user")
                    // Payara's pool wants a password; the embedded PostgreSQL trusts loopback and ignores it
                    + ":password=" + System.getProperty("ecolaura.test.db.password", "postgres") + " ecolaura-pool"));
            run(admin("create-jdbc-resource --connectionpoolid=ecolaura-pool jdbc/ecolaura"));
            run(admin("ping-connection-pool ecolaura-pool"));
        }
        for (String command : List.of(
                // /metrics on a loopback listener of its own, not on the public one
                "create-protocol --securityenabled=false management-protocol",
                "create-virtual-server --hosts=localhost management",
                "create-http --default-virtual-server=management management-protocol",
                "create-network-listener --address=127.0.0.1 --listenerport=" + managementPort
                        + " --protocol=management-protocol management-listener",
                "set configs.config.server-config.http-service.virtual-server.management.network-listeners="
                        + "management-listener",
                "set-metrics-configuration --virtualservers=management --dynamic=true")) {
            run(admin(command));
        }
        run(admin("deploy --force=true "
                + Path.of(System.getProperty("ecolaura.war")).toAbsolutePath()));
        shopUrl = URI.create("http://127.0.0.1:" + (base + 80) + "/").toURL();
        shop = new ShopClient(shopUrl, "ecolaura.test.server.management.port");
    }

    @AfterAll
    static void stop() throws Exception {
        if (asadmin != null) {
            try {
                run(List.of(asadmin, "stop-domain", "--kill=true", "ecolaura"));
            } finally {
                deleteQuietly(home);
            }
        }
    }

    @Test
    void readsAreCachedInTheGivenRedisAndWritesEvict() throws SQLException {
        try (var redis = new RedisProbe()) {
            redis.evict("products", "42");
            var first = shop.get("api/products/42");
            assertEquals(200, first.status(), first.body());
            var second = shop.get("api/products/42");
            assertEquals(0, second.sqlStatements(), "the second read costs no SQL");
            assertTrue(redis.hasField("products", "42"), "the entry is in the Redis the domain was given");

            int stock = first.json().get("stock").asInt() + 1;
            var patched = shop.send(
                    "PATCH",
                    "api/products/42",
                    "{\"stock\":" + stock + "}",
                    "Content-Type",
                    "application/merge-patch+json");
            assertEquals(200, patched.status(), patched.body());
            assertEquals(stock, shop.get("api/products/42").json().get("stock").asInt(), "the write evicted");
            if (onPostgresql()) {
                assertEquals(stock, stockInTheDatabase(42), "written through the server's JDBC resource");
            }
        }
    }

    @Test
    void healthMetricsAndTheAdministrationAreWhereOperatorsExpectThem() throws Exception {
        var ready = shop.send(HttpRequest.newBuilder(URI.create(shopUrl + "health/ready")));
        assertEquals(200, ready.status(), ready.body());
        shop.get("api/products/43");
        var metrics = shop.metrics();
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(
                metrics.body().contains("ecolaura_cache_hits_total"), "per-cache metrics on the management listener");
        var publicMetrics = shop.send(HttpRequest.newBuilder(URI.create(shopUrl + "metrics")));
        assertTrue(
                !publicMetrics.body().contains("ecolaura_cache"),
                "not on the public listener: " + publicMetrics.status());
        var admin = shop.get("api/admin/caches");
        assertEquals(401, admin.status(), "the administration asks who you are");
    }

    private static String databaseUrl() {
        return System.getProperty("ecolaura.test.db.url", "");
    }

    /** On H2 the shop's own pool (the default route); on PostgreSQL the server's resource. */
    private static boolean onPostgresql() {
        return databaseUrl().startsWith("jdbc:postgresql:");
    }

    /** The row as the database has it, read past the shop. */
    private static int stockInTheDatabase(long product) throws SQLException {
        try (var connection = DriverManager.getConnection(
                        databaseUrl(),
                        System.getProperty("ecolaura.test.db.user"),
                        System.getProperty("ecolaura.test.db.password", ""));
                var query = connection.prepareStatement("select stock from products where id = ?")) {
            query.setLong(1, product);
            try (var row = query.executeQuery()) {
                assertTrue(row.next(), "product " + product + " is in the database");
                return row.getInt(1);
            }
        }
    }

    private static List<String> admin(String command) {
        var words = new ArrayList<>(List.of(asadmin, "--port", Integer.toString(adminPort)));
        words.addAll(List.of(command.split(" ")));
        return words;
    }

    /** Runs an asadmin command (Redis and the database for the server through its environment). */
    private static void run(List<String> command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("AS_JAVA", System.getProperty("java.home"));
        environment.put("ECOLAURA_REDIS_ADDRESS", ShopInfrastructure.redisAddress());
        if (onPostgresql()) {
            environment.put("ECOLAURA_DB_JNDI_NAME", "jdbc/ecolaura");
        }
        environment.put("ECOLAURA_CATALOG_SAMPLE_SIZE", "2000");
        environment.put("ECOLAURA_WARMING_ENABLED", "false");
        environment.put("ECOLAURA_PREFETCH_ENABLED", "false");
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** A base whose ports (admin +48, HTTP +80 and the rest below +100) are all free. */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ShopInfrastructure.freePort() / 100 * 100;
            if (base < 2000) {
                continue;
            }
            boolean free = true;
            for (int offset = 0; offset < 100 && free; offset++) {
                try (var socket =
                        new java.net.ServerSocket(base + offset, 1, java.net.InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free block of 100 ports");
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (var archive = new ZipFile(zip.toFile())) {
            for (var entries = archive.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    try (var in = archive.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                    if (entry.getName().contains("/bin/") || entry.getName().endsWith(".sh")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: the system cleans it
        }
    }
}
