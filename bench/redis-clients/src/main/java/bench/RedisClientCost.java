package bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.Codec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;
import org.redisson.config.Config;
import org.redisson.config.TransportMode;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * What one Redis read costs the reading process, per client: a hash field of a product entry's size
 * read by as many threads as the shop has request threads, as fast as they can, against a
 * redis-server of its own (the embedded-redis binary the shop starts). Prints reads a second and the
 * CPU time per read of this JVM (user and system, from /proc) and of redis-server: what a Redis hit
 * adds to a request before the shop does anything with the bytes.
 *
 * <p>One client per JVM (bench/redis-clients/run starts one for each), so that each is compiled and
 * measured alone: {@code redisson} configured as the shop configures it (epoll, its pool, event
 * loops as cores, an {@code RMap.get}, which is the shop's {@code HGET}); {@code lettuce} the way
 * Spring Boot uses it (one shared connection, synchronous API); {@code jedis} blocking, each thread
 * writing and reading its own pooled socket.
 */
public final class RedisClientCost {

    private static final int FIELDS = 100;

    public static void main(String[] args) throws Exception {
        String client = args[0];
        int threads = Integer.getInteger("threads", 8);
        int valueBytes = Integer.getInteger("value.bytes", 800);
        int warmup = Integer.getInteger("warmup.seconds", 20);
        int measure = Integer.getInteger("measure.seconds", 20);
        long ticksPerSecond = Long.getLong("clk.tck", 100);
        int port = freePort();
        var server = RedisServer.builder()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        try {
            long redisPid = ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().command().orElse("").contains("redis-server"))
                    .findFirst()
                    .orElseThrow()
                    .pid();
            byte[] value = new byte[valueBytes];
            Arrays.fill(value, (byte) 'x');
            String[] keys = new String[FIELDS];
            for (int i = 0; i < FIELDS; i++) {
                keys[i] = "product:" + i;
            }
            try (var reads = Reads.of(client, "redis://127.0.0.1:" + port)) {
                reads.fill(keys, value);
                run(reads, keys, valueBytes, threads, warmup); // the JIT's turn
                long[] self0 = cpuTicks("self");
                long[] redis0 = cpuTicks(Long.toString(redisPid));
                long started = System.nanoTime();
                long done = run(reads, keys, valueBytes, threads, measure);
                double seconds = (System.nanoTime() - started) / 1e9;
                long[] self1 = cpuTicks("self");
                long[] redis1 = cpuTicks(Long.toString(redisPid));
                double perRead = 1e6 / ticksPerSecond / done;
                System.out.printf(
                        "%-9s %2d threads  %,8.0f reads/s  client CPU per read: %5.1f µs user + %5.1f µs system  redis-server: %5.1f µs%n",
                        client,
                        threads,
                        done / seconds,
                        (self1[0] - self0[0]) * perRead,
                        (self1[1] - self0[1]) * perRead,
                        (redis1[0] + redis1[1] - redis0[0] - redis0[1]) * perRead);
            }
        } finally {
            server.stop();
        }
    }

    /** Reads on every thread for the given time; how many. */
    private static long run(Reads reads, String[] keys, int valueBytes, int threads, int seconds)
            throws InterruptedException {
        var stop = new AtomicBoolean();
        var count = new LongAdder();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7;
            Thread reader = new Thread(() -> {
                long n = 0;
                for (int i = offset; !stop.get(); i++) {
                    byte[] read = reads.read(keys[i % FIELDS]);
                    if (read == null || read.length != valueBytes) {
                        throw new IllegalStateException("read " + (read == null ? "nothing" : read.length + " bytes"));
                    }
                    n++;
                }
                count.add(n);
            });
            reader.start();
            readers.add(reader);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        return count.sum();
    }

    /** User and system CPU ticks of a process (or "self") so far. */
    private static long[] cpuTicks(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        // the command name in parentheses may hold spaces: count fields after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One client's read of a hash field, and the hash filled first. */
    interface Reads extends AutoCloseable {

        String HASH = "products";

        /** The shop's default pool (ecolaura.redis.pool.size). */
        int REDISSON_POOL = Integer.getInteger("redisson.pool", 8);

        Codec TEXT_KEYS = new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE);

        void fill(String[] keys, byte[] value);

        byte[] read(String key);

        @Override
        void close();

        static Reads of(String client, String address) {
            return switch (client) {
                case "redisson" -> redisson(address);
                case "lettuce" -> lettuce(address);
                case "jedis" -> jedis(address);
                default -> throw new IllegalArgumentException("redisson, lettuce or jedis, not " + client);
            };
        }

        private static Reads redisson(String address) {
            var config = new Config();
            config.setTransportMode(TransportMode.EPOLL);
            config.setNettyThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
            config.useSingleServer()
                    .setAddress(address)
                    .setConnectionMinimumIdleSize(Math.min(4, REDISSON_POOL))
                    .setConnectionPoolSize(REDISSON_POOL);
            RedissonClient redis = Redisson.create(config);
            return new Reads() {
                @Override
                public void fill(String[] keys, byte[] value) {
                    var entries = redis.<String, byte[]>getMap(HASH, TEXT_KEYS);
                    for (String key : keys) {
                        entries.fastPut(key, value);
                    }
                }

                @Override
                public byte[] read(String key) {
                    // as the shop reads: a map handle per call, the key encoded by the map's codec
                    return (byte[]) redis.getMap(HASH, TEXT_KEYS).get(key);
                }

                @Override
                public void close() {
                    redis.shutdown();
                }
            };
        }

        private static Reads lettuce(String address) {
            var client = io.lettuce.core.RedisClient.create(address);
            var connection = client.connect(io.lettuce.core.codec.RedisCodec.of(
                    io.lettuce.core.codec.StringCodec.UTF8, io.lettuce.core.codec.ByteArrayCodec.INSTANCE));
            var commands = connection.sync();
            return new Reads() {
                @Override
                public void fill(String[] keys, byte[] value) {
                    for (String key : keys) {
                        commands.hset(HASH, key, value);
                    }
                }

                @Override
                public byte[] read(String key) {
                    return commands.hget(HASH, key);
                }

                @Override
                public void close() {
                    connection.close();
                    client.shutdown();
                }
            };
        }

        private static Reads jedis(String address) {
            var pool = new JedisPooled(URI.create(address));
            byte[] hash = HASH.getBytes(StandardCharsets.UTF_8);
            return new Reads() {
                @Override
                public void fill(String[] keys, byte[] value) {
                    for (String key : keys) {
                        pool.hset(hash, key.getBytes(StandardCharsets.UTF_8), value);
                    }
                }

                @Override
                public byte[] read(String key) {
                    return pool.hget(hash, key.getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void close() {
                    pool.close();
                }
            };
        }
    }
}
