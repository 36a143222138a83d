package com.ecolaura.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * A real Redis Cluster on loopback: three masters, each with one replica, made of the embedded
 * redis-server binary in cluster mode and joined with the cluster commands themselves (no
 * redis-cli needed). A node timeout of one second makes a failover take seconds, not the default 15.
 * Every node runs with the shipped ACL user (as {@link FaultyRedis} does) and an {@code ops} user
 * for the test and for replication.
 */
public final class RedisCluster {

    private static final int SLOTS = 16384;
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(1);

    private final List<Integer> ports = new ArrayList<>();
    private final Map<Integer, RedisServer> servers = new LinkedHashMap<>();
    private final Path folder;

    private RedisCluster(Path folder) {
        this.folder = folder;
    }

    /** Starts six nodes, gives the first three a third of the slots each and the last three one master each. */
    public static RedisCluster start() throws IOException {
        var cluster = new RedisCluster(Files.createTempDirectory("ecolaura-cluster"));
        for (int i = 0; i < 6; i++) {
            cluster.startNode(ShopInfrastructure.freePort());
        }
        cluster.join();
        return cluster;
    }

    private void startNode(int port) throws IOException {
        var builder = RedisServer.builder()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("cluster-enabled yes")
                .setting("cluster-config-file " + folder.resolve("nodes-" + port + ".conf"))
                .setting("cluster-node-timeout " + NODE_TIMEOUT.toMillis())
                .setting("masteruser ops")
                .setting("masterauth " + FaultyRedis.OPS_PASSWORD);
        FaultyRedis.applicationUsers().forEach(builder::setting);
        builder.setting("user ops on >" + FaultyRedis.OPS_PASSWORD + " ~* &* +@all");
        var server = builder.build();
        server.start();
        ports.add(port);
        servers.put(port, server);
    }

    private void join() {
        for (int master = 0; master < 3; master++) {
            int first = master * SLOTS / 3;
            int last = (master + 1) * SLOTS / 3 - 1;
            expectOk(ports.get(master), "CLUSTER ADDSLOTSRANGE " + first + " " + last);
        }
        for (int port : ports.subList(1, 6)) {
            expectOk(ports.get(0), "CLUSTER MEET 127.0.0.1 " + port);
        }
        Eventually.holds("six nodes know each other", Duration.ofSeconds(20), () -> ports.stream()
                .allMatch(port -> nodesSeenBy(port).size() == 6));
        for (int replica = 3; replica < 6; replica++) {
            expectOk(ports.get(replica), "CLUSTER REPLICATE " + nodeId(ports.get(replica - 3)));
        }
        Eventually.holds(
                "cluster ok with three synced replicas",
                Duration.ofSeconds(30),
                () -> ports.stream()
                                .allMatch(port -> "ok".equals(clusterInfo(port).get("cluster_state")))
                        && ports.subList(3, 6).stream()
                                .allMatch(port -> "up".equals(info(port).get("master_link_status"))));
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** The ports of the nodes that are masters now, as the live nodes see it. */
    public List<Integer> masters() {
        return ports.stream()
                .filter(port -> servers.get(port).isActive())
                .filter(port -> "master".equals(info(port).get("role")))
                .toList();
    }

    /** The master that owns the slot of a key. */
    public int masterOf(String key) {
        long slot = Long.parseLong(reply(anyLive(), "CLUSTER KEYSLOT " + key)[0].substring(1));
        return masters().stream()
                .filter(port -> ownsSlot(port, slot))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no live master owns slot " + slot));
    }

    public long keysOn(int port) {
        return Long.parseLong(reply(port, "DBSIZE")[0].substring(1));
    }

    /** Up to {@code count} key names held by a node. */
    public List<String> sampleKeys(int port, int count) {
        var lines = reply(port, "SCAN 0 COUNT " + Math.max(count, 100));
        return Arrays.stream(lines)
                .skip(3)
                .filter(line -> !line.startsWith("$") && !line.startsWith("*"))
                .limit(count)
                .toList();
    }

    /** SIGKILL, as a crashed host would. */
    public void kill(int port) {
        long pid = Long.parseLong(info(port).get("process_id"));
        try {
            int exit = new ProcessBuilder("kill", "-KILL", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -KILL " + pid + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        servers.get(port).stop();
    }

    /** Whether the live nodes agree that every slot is served again. */
    public boolean healthy() {
        return ports.stream().filter(port -> servers.get(port).isActive()).allMatch(port -> "ok"
                .equals(clusterInfo(port).get("cluster_state")));
    }

    public void stop() {
        servers.values().stream().filter(RedisServer::isActive).forEach(RedisServer::stop);
    }

    private boolean ownsSlot(int port, long slot) {
        for (String line : nodesSeenBy(port)) {
            var fields = line.split(" ");
            if (fields[2].contains("myself")) {
                for (int i = 8; i < fields.length; i++) {
                    var range = fields[i].split("-");
                    long from = Long.parseLong(range[0]);
                    long to = range.length > 1 ? Long.parseLong(range[1]) : from;
                    if (slot >= from && slot <= to) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private int anyLive() {
        return ports.stream()
                .filter(port -> servers.get(port).isActive())
                .findFirst()
                .orElseThrow();
    }

    private String nodeId(int port) {
        return reply(port, "CLUSTER MYID")[1];
    }

    private List<String> nodesSeenBy(int port) {
        // one bulk string, its lines separated by \n alone
        return Arrays.stream(reply(port, "CLUSTER NODES"))
                .flatMap(bulk -> Arrays.stream(bulk.split("\n")))
                .filter(line -> line.contains("127.0.0.1:"))
                .toList();
    }

    private Map<String, String> clusterInfo(int port) {
        return fields(reply(port, "CLUSTER INFO"));
    }

    private Map<String, String> info(int port) {
        return fields(reply(port, "INFO"));
    }

    private static Map<String, String> fields(String[] lines) {
        var fields = new LinkedHashMap<String, String>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return fields;
    }

    private static void expectOk(int port, String command) {
        var lines = reply(port, command);
        if (!"+OK".equals(lines[0])) {
            throw new IllegalStateException(command + " on " + port + ": " + String.join(" ", lines));
        }
    }

    /** Commands the ACL refused on a node since it started (its ACL LOG entries' lines). */
    public List<String> refusedCommands(int port) {
        var lines = reply(port, "ACL LOG");
        return Integer.parseInt(lines[0].substring(1)) == 0 ? List.of() : List.of(lines);
    }

    /** The reply lines of one command, as the ops user, without AUTH's and QUIT's. */
    private static String[] reply(int port, String command) {
        var lines = RespCommands.run(port, "AUTH ops " + FaultyRedis.OPS_PASSWORD, command);
        if (!"+OK".equals(lines[0])) {
            throw new IllegalStateException("AUTH on " + port + ": " + lines[0]);
        }
        int end = lines.length;
        if (end > 1 && "+OK".equals(lines[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(lines, 1, end);
    }
}
