package com.ecolaura.redis.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/**
 * What Redis says of itself (INFO), summed over the masters of a cluster, fetched at most once a
 * second however many gauges read it; and the round-trip time of a PING. Empty when Redis is down.
 */
public final class RedisInfo {

    public record Snapshot(Map<String, Double> values, double pingSeconds, boolean up) {

        public double get(String field) {
            return values.getOrDefault(field, Double.NaN);
        }
    }

    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Snapshot DOWN = new Snapshot(Map.of(), Double.NaN, false);
    private static volatile Snapshot last = DOWN;
    private static volatile long takenAt;

    private RedisInfo() {}

    /** A cache call just failed: the next reading asks Redis again instead of repeating the last one. */
    static void outdated() {
        takenAt = System.nanoTime() - MAX_AGE_NANOS - 1;
    }

    public static Snapshot current() {
        long now = System.nanoTime();
        if (now - takenAt > MAX_AGE_NANOS) {
            synchronized (RedisInfo.class) {
                if (now - takenAt > MAX_AGE_NANOS) {
                    // past the circuit: this is how operators see whether Redis is back
                    last = RedisGateway.instance().pastTheCircuit().call("info", "redis", RedisInfo::take, DOWN);
                    takenAt = System.nanoTime();
                }
            }
        }
        return last;
    }

    private static Snapshot take(RedissonClient client) {
        var nodes = masters(client);
        var sums = new HashMap<String, Double>();
        long started = System.nanoTime();
        boolean up = nodes.stream().allMatch(node -> node.ping(500, TimeUnit.MILLISECONDS));
        double ping = (System.nanoTime() - started) / 1e9 / Math.max(1, nodes.size());
        for (RedisNode node : nodes) {
            node.info(RedisNode.InfoSection.ALL).forEach((field, value) -> {
                try {
                    sums.merge(field, Double.parseDouble(value), Double::sum);
                } catch (NumberFormatException e) {
                    // a text field (version, role …): not a metric
                }
            });
        }
        return new Snapshot(sums, ping, up);
    }

    private static List<RedisNode> masters(RedissonClient client) {
        var config = client.getConfig();
        var nodes = new ArrayList<RedisNode>();
        if (config.isClusterConfig()) {
            nodes.addAll(client.getRedisNodes(RedisNodes.CLUSTER).getMasters());
        } else if (config.isSentinelConfig()) {
            nodes.add(client.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster());
        } else {
            nodes.add(client.getRedisNodes(RedisNodes.SINGLE).getInstance());
        }
        return nodes;
    }
}
