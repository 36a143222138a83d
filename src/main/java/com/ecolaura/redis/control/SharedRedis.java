package com.ecolaura.redis.control;

import com.ecolaura.caching.codec.CacheValueCodec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.redisson.connection.ConnectionListener;

/**
 * The application's one Redisson client (one connection pool), shared by the JCache caches and the
 * Hibernate second-level cache. Where Redis is, in order: {@code ecolaura.redis.config} (a Redisson
 * YAML for sentinel, cluster, TLS or ACL users), {@code ecolaura.redis.address}, else an embedded
 * redis-server on a free loopback port.
 */
public final class SharedRedis {

    private static final System.Logger LOG = System.getLogger(SharedRedis.class.getName());

    private static final List<Runnable> CONNECTION_LOST = new CopyOnWriteArrayList<>();

    private static RedissonClient client;
    private static EmbeddedRedis embedded;

    private SharedRedis() {}

    public static synchronized RedissonClient client() {
        if (client == null) {
            client = Redisson.create(config());
        }
        return client;
    }

    /** Runs when any connection to Redis is lost (what relies on pub/sub must stop trusting it). */
    public static void onConnectionLost(Runnable action) {
        CONNECTION_LOST.add(action);
    }

    public static synchronized void shutdown() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    private static Config config() {
        var yaml = Settings.text("ecolaura.redis.config");
        Config config = yaml.isPresent() ? fromYaml(yaml.get()) : singleServer();
        // always ours: keys stay readable and values are never decoded into arbitrary classes
        config.setCodec(new CacheValueCodec());
        // the application must boot, and serve from the database, while Redis is down
        config.setLazyInitialization(true);
        // Redisson's default of 32 event-loop threads only adds context switches on a small machine
        config.setNettyThreads(Settings.number(
                "ecolaura.redis.netty-threads", Math.max(2, Runtime.getRuntime().availableProcessors())));
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

    private static Config fromYaml(String path) {
        try {
            LOG.log(Level.INFO, "Redis: configuration from {0}", path);
            return Config.fromYAML(new File(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Redisson configuration " + path, e);
        }
    }

    private static Config singleServer() {
        String address = Settings.text("ecolaura.redis.address").orElseGet(SharedRedis::startEmbedded);
        var config = new Config();
        var server = config.useSingleServer()
                .setAddress(address)
                .setTimeout(millis("ecolaura.redis.timeout", Duration.ofMillis(500)))
                .setConnectTimeout(millis("ecolaura.redis.connect-timeout", Duration.ofSeconds(1)))
                // a cache call that fails is a miss at once: the database is the retry
                .setRetryAttempts(Settings.number("ecolaura.redis.retry-attempts", 0))
                // Redisson backs reconnection off to 10 s: after an outage, caching came back up to 9 s late
                .setReconnectionDelay(new EqualJitterDelay(
                        Duration.ofMillis(100),
                        Settings.duration("ecolaura.redis.reconnect-max-delay", Duration.ofSeconds(1))))
                .setConnectionMinimumIdleSize(Settings.number("ecolaura.redis.pool.min-idle", 4))
                .setConnectionPoolSize(Settings.number("ecolaura.redis.pool.size", 32));
        Settings.text("ecolaura.redis.username").ifPresent(server::setUsername);
        Settings.text("ecolaura.redis.password").ifPresent(server::setPassword);
        return config;
    }

    private static int millis(String key, Duration fallback) {
        return Math.toIntExact(Settings.duration(key, fallback).toMillis());
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
