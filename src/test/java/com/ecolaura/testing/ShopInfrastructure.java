package com.ecolaura.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * The real parts the shop runs against in the integration tests, started once per test JVM and
 * before Arquillian starts Payara Micro (register this extension first): a redis-server on a free
 * loopback port and, when {@code ecolaura.test.database=postgresql}, an embedded PostgreSQL.
 * Their addresses reach Payara through system properties that arquillian.xml passes on.
 */
public class ShopInfrastructure implements BeforeAllCallback {

    private static final int FIRST_PORT = 10_000;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private static RedisServer redis;
    private static int redisPort;
    private static EmbeddedPostgres postgres;
    private static RedisServer faultRedis;
    private static int faultRedisPort;
    private static int faultRedisTlsPort;
    private static FaultyRedis resilienceRedis;
    private static TcpProxy resilienceLink;
    private static RedisCluster cluster;
    private static TcpProxy edgePurgeLink;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws IOException {
        if (redis == null) {
            redisPort = freePort();
            redis = loopbackRedis(redisPort);
            redis.start();
            System.setProperty("ecolaura.test.redis.address", redisAddress());
            Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
        }
        if (faultRedis == null) {
            // a Redis of its own for the tests that stop it; the shop reaches it over TLS only
            faultRedisPort = freePort();
            faultRedisTlsPort = freePort();
            Path folder = Files.createTempDirectory("ecolaura-tls");
            var tls = TlsFiles.create(folder);
            faultRedis = RedisServer.builder()
                    .port(faultRedisPort)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("tls-port " + faultRedisTlsPort)
                    .setting("tls-cert-file " + tls.certificate())
                    .setting("tls-key-file " + tls.key())
                    .setting("tls-auth-clients no")
                    .build();
            faultRedis.start();
            System.setProperty("ecolaura.test.fault.redis.address", "redis://127.0.0.1:" + faultRedisPort);
            Path yaml = folder.resolve("redisson-tls.yaml");
            Files.writeString(
                    yaml,
                    """
                    singleServerConfig:
                      address: "rediss://127.0.0.1:%d"
                      sslTruststore: "%s"
                      sslTruststorePassword: "%s"
                      timeout: 500
                      connectTimeout: 1000
                      retryAttempts: 0
                      connectionMinimumIdleSize: 4
                    lazyInitialization: true
                    """
                            .formatted(faultRedisTlsPort, tls.truststore().toUri(), tls.password()));
            System.setProperty("ecolaura.test.fault.redis.config", yaml.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(ShopInfrastructure::stopFaultRedis));
        }
        if (System.getProperty("ecolaura.test.management.port") == null) {
            // /metrics is served on a management listener of its own; instance-b runs beside instance-a
            System.setProperty("ecolaura.test.management.port", Integer.toString(freePort()));
            System.setProperty("ecolaura.test.management.port.b", Integer.toString(freePort()));
        }
        if (edgePurgeLink == null) {
            // the default instance purges an edge (EdgeCacheIT starts its varnishd on this port) through a
            // link the test can cut; until a varnishd listens, its purges fail and wait, as they would
            int edgePort = freePort();
            edgePurgeLink = new TcpProxy(edgePort);
            System.setProperty("ecolaura.test.edge.port", Integer.toString(edgePort));
            System.setProperty("ecolaura.test.edge.purge-url", "http://127.0.0.1:" + edgePurgeLink.port());
            Runtime.getRuntime().addShutdownHook(new Thread(edgePurgeLink::close));
        }
        if (resilienceRedis == null) {
            // the fault tests' Redis, with the shipped ACL user, behind a proxy that can cut and slow the link
            resilienceRedis = new FaultyRedis(freePort());
            resilienceRedis.start();
            resilienceLink = new TcpProxy(resilienceRedis.port());
            System.setProperty("ecolaura.test.resilience.redis.address", "redis://127.0.0.1:" + resilienceLink.port());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                resilienceLink.close();
                resilienceRedis.stop();
            }));
        }
        if (cluster == null) {
            cluster = RedisCluster.start();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
            System.setProperty(
                    "ecolaura.test.cluster.redis.config", clusterConfig(cluster).toString());
        }
        if (postgres == null && SuiteDatabase.postgresql()) {
            // logical decoding on, as a production database that feeds the change stream runs; commits
            // flushed at once, as by default (the embedded server's synchronous_commit=off delays
            // what the stream sees by up to three wal_writer_delay)
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .start();
            System.setProperty("ecolaura.test.db.url", postgres.getJdbcUrl("postgres", "postgres"));
            // the fault tests' load views products by the thousand: a database of their own keeps
            // the other classes' trending lists their own
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE faults");
                statement.execute("CREATE DATABASE scaling");
                statement.execute("CREATE DATABASE changes");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty("ecolaura.test.resilience.db.url", postgres.getJdbcUrl("postgres", "faults"));
            System.setProperty("ecolaura.test.scaling.db.url", postgres.getJdbcUrl("postgres", "scaling"));
            System.setProperty("ecolaura.test.changes.db.url", postgres.getJdbcUrl("postgres", "changes"));
            System.setProperty("ecolaura.test.db.user", "postgres");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        System.setProperty("ecolaura.test.db.url", System.getProperty("ecolaura.test.db.url", ""));
        System.setProperty(
                "ecolaura.test.resilience.db.url", System.getProperty("ecolaura.test.resilience.db.url", ""));
        if (System.getProperty("ecolaura.test.scaling.db.url") == null) {
            // kept across a restart of the instance, unlike an in-memory H2
            System.setProperty(
                    "ecolaura.test.scaling.db.url",
                    "jdbc:h2:file:"
                            + Files.createTempDirectory("ecolaura-scaling").resolve("shop"));
        }
        if (System.getProperty("ecolaura.test.shared.db.url") == null) {
            // two instances need one database: PostgreSQL, or a file H2 that the second opens through the first
            String shared = postgres != null
                    ? System.getProperty("ecolaura.test.db.url")
                    : "jdbc:h2:file:" + Files.createTempDirectory("ecolaura-it").resolve("shop") + ";AUTO_SERVER=TRUE";
            System.setProperty("ecolaura.test.shared.db.url", shared);
        }
        System.setProperty("ecolaura.test.db.user", System.getProperty("ecolaura.test.db.user", ""));
    }

    /** The link from the default instance to the edge's purge listener. */
    public static TcpProxy edgePurgeLink() {
        return edgePurgeLink;
    }

    /** The shipped server-config/redis/cluster.yaml, pointed at the loopback cluster, with the test's password. */
    private static Path clusterConfig(RedisCluster cluster) throws IOException {
        var text = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("server-config/redis/cluster.yaml"))) {
            if (line.trim().startsWith("- \"redis://")) {
                continue;
            }
            text.append(line.replace("\"change-me\"", "\"" + FaultyRedis.PASSWORD + "\""))
                    .append('\n');
            if (line.trim().equals("nodeAddresses:")) {
                cluster.ports().forEach(port -> text.append("    - \"redis://127.0.0.1:")
                        .append(port)
                        .append("\"\n"));
            }
        }
        Path yaml = Files.createTempFile("ecolaura-cluster", ".yaml");
        Files.writeString(yaml, text);
        return yaml;
    }

    public static RedisCluster cluster() {
        return cluster;
    }

    public static int redisPort() {
        return redisPort;
    }

    public static String redisAddress() {
        return "redis://127.0.0.1:" + redisPort;
    }

    public static FaultyRedis resilienceRedis() {
        return resilienceRedis;
    }

    public static TcpProxy resilienceLink() {
        return resilienceLink;
    }

    /** The port on which the fault Redis speaks TLS (the only one the observed shop is given). */
    public static int faultRedisTlsPort() {
        return faultRedisTlsPort;
    }

    public static String faultRedisAddress() {
        return "redis://127.0.0.1:" + faultRedisPort;
    }

    public static synchronized void stopFaultRedis() {
        if (faultRedis.isActive()) {
            faultRedis.stop();
        }
    }

    public static synchronized void startFaultRedis() {
        if (!faultRedis.isActive()) {
            faultRedis.start();
        }
    }

    /** A redis-server (not yet started) on a loopback port, keeping nothing on disk. */
    public static RedisServer loopbackRedis(int port) throws IOException {
        return RedisServer.builder()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
    }

    /**
     * A free loopback port below the kernel's ephemeral range. The tests stop and restart what
     * listens on these ports (Payara's management listener in every deployment, Redis in the fault
     * tests); a port from the ephemeral range can meanwhile become the local end of some client
     * connection, and the restart then fails to bind.
     */
    public static synchronized int freePort() throws IOException {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 500 && below > FIRST_PORT + 1000; attempt++) {
            int port = FIRST_PORT + RANDOM.nextInt(below - FIRST_PORT);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int ephemeralRangeStart() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
