package com.ecolaura.redis.control;

import io.netty.channel.epoll.Epoll;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.Codec;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.TransportMode;
import org.redisson.connection.ConnectionListener;

/**
 * The application's one Redisson client (one connection pool), shared by the JCache caches, the
 * Hibernate second-level cache and everything else that keeps data in Redis. Where Redis is, in
 * order: {@code ecolaura.redis.config} (a Redisson YAML for sentinel, cluster, TLS or ACL users),
 * {@code ecolaura.redis.address}, else an embedded redis-server on a free loopback port.
 *
 * <p>Static, and configured through MicroProfile Config's static API rather than injection: Hibernate
 * builds its region factory, which needs this client, while the persistence unit boots, before CDI
 * can inject anything. Everything else reaches the client only through {@link RedisGateway}.
 */
public final class SharedRedis {

    private static final System.Logger LOG = System.getLogger(SharedRedis.class.getName());

    private static final List<Runnable> CONNECTION_LOST = new CopyOnWriteArrayList<>();

    private static RedissonClient client;
    private static EmbeddedRedis embedded;
    private static Codec codec;

    private SharedRedis() {}

    /**
     * The client itself: for the gateway, and for Hibernate's region factory, whose Redisson API
     * must hold a client (its regions' calls still go through the gateway).
     */
    public static synchronized RedissonClient client() {
        if (client == null) {
            client = Redisson.create(config());
        }
        return client;
    }

    /**
     * The codec of the client's own structures (the JCache caches use it): set by the caching layer
     * before the first call, since a running client keeps the codec it was built with.
     */
    public static synchronized void defaultCodec(Codec chosen) {
        if (client != null
                && !chosen.getClass().equals(client.getConfig().getCodec().getClass())) {
            throw new IllegalStateException("the Redis client was built with another codec already");
        }
        codec = chosen;
    }

    /** Runs when any connection to Redis is lost (what relies on pub/sub must stop trusting it). */
    public static void onConnectionLost(Runnable action) {
        CONNECTION_LOST.add(action);
    }

    static synchronized void shutdown() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    private static org.redisson.config.Config config() {
        var settings = settings();
        var yaml = text(settings, "ecolaura.redis.config");
        var config = yaml.isPresent() ? fromYaml(yaml.get()) : singleServer(settings);
        if (codec != null) {
            config.setCodec(codec);
        }
        // the application must boot, and serve from the database, while Redis is down
        config.setLazyInitialization(true);
        // Redisson's default of 32 event-loop threads only adds context switches on a small machine
        config.setNettyThreads(settings.getOptionalValue("ecolaura.redis.netty-threads", Integer.class)
                .orElse(Math.max(2, Runtime.getRuntime().availableProcessors())));
        // a Redisson YAML names its own transport; the setting, if given, still wins
        var transport = text(settings, "ecolaura.redis.transport");
        if (yaml.isEmpty() || transport.isPresent()) {
            config.setTransportMode(transport(transport.orElse("auto")));
            LOG.log(Level.INFO, "Redis: {0} transport", config.getTransportMode());
        }
        config.setConnectionListener(new ConnectionListener() {
            @Override
            public void onConnect(InetSocketAddress address) {
                // nothing to do: pub/sub users learn of their re-subscription themselves
            }

            @Override
            public void onDisconnect(InetSocketAddress address) {
                CONNECTION_LOST.forEach(Runnable::run);
            }
        });
        return config;
    }

    /**
     * {@code ecolaura.redis.transport}: {@code auto} (the default) takes Linux's native epoll where
     * Netty can load it, else Java's NIO; {@code nio} or {@code epoll} choose one.
     */
    static TransportMode transport(String chosen) {
        return switch (chosen) {
            case "auto" -> Epoll.isAvailable() ? TransportMode.EPOLL : TransportMode.NIO;
            case "epoll" -> TransportMode.EPOLL;
            case "nio" -> TransportMode.NIO;
            default ->
                throw new IllegalArgumentException("ecolaura.redis.transport is auto, epoll or nio, not " + chosen);
        };
    }

    private static org.redisson.config.Config fromYaml(String path) {
        try {
            LOG.log(Level.INFO, "Redis: configuration from {0}", path);
            return org.redisson.config.Config.fromYAML(new File(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Redisson configuration " + path, e);
        }
    }

    private static org.redisson.config.Config singleServer(Config settings) {
        String address = text(settings, "ecolaura.redis.address").orElseGet(SharedRedis::startEmbedded);
        var config = new org.redisson.config.Config();
        var server = config.useSingleServer()
                .setAddress(address)
                .setTimeout(millis(settings, "ecolaura.redis.timeout", Duration.ofMillis(500)))
                .setConnectTimeout(millis(settings, "ecolaura.redis.connect-timeout", Duration.ofSeconds(1)))
                // a cache call that fails is a miss at once: the database is the retry
                .setRetryAttempts(settings.getOptionalValue("ecolaura.redis.retry-attempts", Integer.class)
                        .orElse(0))
                // Redisson backs reconnection off to 10 s: after an outage, caching came back up to 9 s late
                .setReconnectionDelay(new EqualJitterDelay(
                        Duration.ofMillis(100),
                        settings.getOptionalValue("ecolaura.redis.reconnect-max-delay", Duration.class)
                                .orElse(Duration.ofSeconds(1))))
                .setConnectionMinimumIdleSize(settings.getOptionalValue("ecolaura.redis.pool.min-idle", Integer.class)
                        .orElse(4))
                // below 10 connections Redisson writes several threads' commands on one connection, as
                // Lettuce does: a third less of Redis's CPU per hit (docs/benchmarks.md)
                .setConnectionPoolSize(settings.getOptionalValue("ecolaura.redis.pool.size", Integer.class)
                        .orElse(8));
        text(settings, "ecolaura.redis.username").ifPresent(server::setUsername);
        text(settings, "ecolaura.redis.password").ifPresent(server::setPassword);
        return config;
    }

    private static Config settings() {
        return ConfigProvider.getConfig(SharedRedis.class.getClassLoader());
    }

    private static Optional<String> text(Config settings, String key) {
        return settings.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int millis(Config settings, String key, Duration fallback) {
        return Math.toIntExact(
                settings.getOptionalValue(key, Duration.class).orElse(fallback).toMillis());
    }

    private static String startEmbedded() {
        embedded = EmbeddedRedis.start();
        LOG.log(
                Level.INFO,
                "Redis: no ecolaura.redis.address or ecolaura.redis.config set; "
                        + "started an embedded redis-server at {0} (development default)",
                embedded.address());
        return embedded.address();
    }
}
