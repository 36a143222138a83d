package com.ecolaura.benchmark;

import com.ecolaura.testing.ShopClient;
import java.util.regex.Pattern;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/** Counters read from the shop's /metrics and Redis's INFO at one moment, to difference over a run. */
record ServerReadings(double statements, double hits, double misses, double nearHits, long redisCommands) {

    static ServerReadings read(ShopClient shop, RedissonClient redis) {
        String metrics = shop.metrics().body();
        return new ServerReadings(
                sum(metrics, "ecolaura_hibernate_statements"),
                sum(metrics, "ecolaura_cache_hits_total") + sum(metrics, "ecolaura_cache_stale_hits_total"),
                sum(metrics, "ecolaura_cache_misses_total"),
                sum(metrics, "ecolaura_cache_near_hits_total"),
                Long.parseLong(info(redis, RedisNode.InfoSection.STATS, "total_commands_processed")));
    }

    static String info(RedissonClient redis, RedisNode.InfoSection section, String field) {
        return redis.getRedisNodes(RedisNodes.SINGLE)
                .getInstance()
                .info(section)
                .get(field);
    }

    static double metric(ShopClient shop, String name) {
        return sum(shop.metrics().body(), name);
    }

    /** The sum of every series of a metric (all caches, all tags); 0 when it is not exported. */
    private static double sum(String metrics, String name) {
        var line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        double total = 0;
        while (line.find()) {
            double value = Double.parseDouble(line.group(2));
            if (!Double.isNaN(value)) {
                total += value;
            }
        }
        return total;
    }

    ServerReadings since(ServerReadings before) {
        return new ServerReadings(
                statements - before.statements,
                hits - before.hits,
                misses - before.misses,
                nearHits - before.nearHits,
                redisCommands - before.redisCommands);
    }

    double hitRatio() {
        return hits + misses == 0 ? Double.NaN : hits / (hits + misses);
    }
}
