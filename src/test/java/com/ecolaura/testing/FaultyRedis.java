package com.ecolaura.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.api.redisnode.RedisSingle;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * A redis-server that a test can kill, restart empty, freeze (SIGSTOP) and squeeze (maxmemory),
 * run with the application's ACL user exactly as {@code server-config/redis/users.acl} defines it
 * (its password replaced), plus an {@code ops} user for the test itself.
 */
public final class FaultyRedis {

    public static final String USER = "ecolaura";
    public static final String PASSWORD = "test-secret";
    static final String OPS_PASSWORD = "ops-secret";

    private final int port;
    private RedisServer server;
    private RedissonClient ops;
    private long pid;

    public FaultyRedis(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        try {
            var builder = RedisServer.builder()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no");
            applicationUsers().forEach(builder::setting);
            builder.setting("user ops on >" + OPS_PASSWORD + " ~* &* +@all");
            server = builder.build();
            server.start();
            pid = Long.parseLong(single().getInstance()
                    .info(org.redisson.api.redisnode.RedisNode.InfoSection.SERVER)
                    .get("process_id"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crash or an OOM kill would; nothing is kept. */
    public synchronized void kill() {
        signal("KILL");
        server.stop();
        closeOps();
    }

    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    public void config(String parameter, String value) {
        single().getInstance().setConfig(parameter, value);
    }

    public Map<String, String> info() {
        return single().getInstance().info(org.redisson.api.redisnode.RedisNode.InfoSection.ALL);
    }

    /**
     * Commands the ACL refused since start: Redis's ACL LOG, spoken in plain RESP (the reply's
     * simple strings, one per line; empty when nothing was refused).
     */
    public List<String> refusedCommands() {
        var lines = RespCommands.run(port, "AUTH ops " + OPS_PASSWORD, "ACL LOG");
        if (!lines[0].equals("+OK") || !lines[1].startsWith("*")) {
            throw new IllegalStateException("unexpected reply to ACL LOG: " + String.join(" ", lines));
        }
        return Integer.parseInt(lines[1].substring(1)) == 0
                ? List.of()
                : java.util.Arrays.stream(lines)
                        .filter(line -> !line.startsWith("*") && !line.startsWith("$") && !line.startsWith(":"))
                        .toList();
    }

    public RedissonClient ops() {
        synchronized (this) {
            if (ops == null) {
                var config = new Config();
                config.useSingleServer()
                        .setAddress("redis://127.0.0.1:" + port)
                        .setUsername("ops")
                        .setPassword(OPS_PASSWORD)
                        .setTimeout(2000);
                ops = Redisson.create(config);
            }
            return ops;
        }
    }

    public synchronized void stop() {
        closeOps();
        if (server != null && server.isActive()) {
            server.stop();
        }
    }

    private RedisSingle single() {
        return ops().getRedisNodes(RedisNodes.SINGLE);
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void closeOps() {
        if (ops != null) {
            ops.shutdown();
            ops = null;
        }
    }

    /** The user lines of the shipped ACL file, with a known password for the test. */
    static List<String> applicationUsers() throws IOException {
        var lines = new ArrayList<String>();
        for (String line : Files.readAllLines(Path.of("server-config/redis/users.acl"))) {
            if (line.startsWith("user ")) {
                lines.add(line.replace(">change-me", ">" + PASSWORD));
            }
        }
        return lines;
    }
}
