package com.ecolaura.resilience;

import com.ecolaura.testing.Latencies;
import com.ecolaura.testing.Poll;
import com.ecolaura.testing.ShopClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Shoppers and a catalog editor while a fault happens: readers ask for product details (70 %),
 * scores (15 %) and searches (15 %), half of the details among products the editor keeps changing;
 * the editor changes one of them every 50 ms. Every request is kept (start, end, status, SQL
 * statements); a detail read is stale when it shows a version older than one committed before the
 * read started.
 */
final class FaultLoad implements AutoCloseable {

    record Request(long startedNanos, long endedNanos, int status, int sql) {
        double millis() {
            return (endedNanos - startedNanos) / 1e6;
        }

        boolean failed() {
            return status >= 400 || status < 0;
        }
    }

    record StaleRead(long startedNanos, long id, long seen, long committed) {}

    private static final String[] QUERIES = {"bamboo", "cotton", "bottle", "tote", "organic", "hemp", "wool", "glass"};

    private final ShopClient shop;
    private final List<EditedProduct> edited;
    private final Map<Long, AtomicLong> committed = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<StaleRead> staleReads = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    FaultLoad(ShopClient shop, List<EditedProduct> edited, int readers) {
        this.shop = shop;
        this.edited = edited;
        edited.forEach(product -> committed.put(product.id(), new AtomicLong(product.version())));
        for (int i = 0; i < readers; i++) {
            threads.add(started(this::read, "shopper-" + i));
        }
        threads.add(started(this::edit, "editor"));
    }

    private static Thread started(Runnable work, String name) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static int sql(ShopClient.Reply reply) {
        return reply.headers().firstValue("Server-Timing").isPresent() ? reply.sqlStatements() : 0;
    }

    private void read() {
        var random = ThreadLocalRandom.current();
        while (running) {
            int kind = random.nextInt(100);
            if (kind < 70) {
                boolean editedOne = random.nextBoolean();
                long id = editedOne ? edited.get(random.nextInt(edited.size())).id() : 1 + random.nextInt(200);
                long before = editedOne ? committed.get(id).get() : 0;
                long started = System.nanoTime();
                var reply = send("api/products/" + id, started);
                if (editedOne && reply != null && reply.status() == 200) {
                    long seen = reply.json().get("version").asLong();
                    if (seen < before) {
                        staleReads.add(new StaleRead(started, id, seen, before));
                    }
                }
            } else if (kind < 85) {
                send("api/products/" + (1 + random.nextInt(200)) + "/sustainability-score", System.nanoTime());
            } else {
                send(
                        "api/search?q=" + QUERIES[random.nextInt(QUERIES.length)] + "&page=" + random.nextInt(3),
                        System.nanoTime());
            }
        }
    }

    private void edit() {
        long n = 0;
        while (running) {
            var product = edited.get((int) (n % edited.size()));
            long started = System.nanoTime();
            try {
                var reply = shop.put("api/products/" + product.id(), product.body((int) (n % 40) + 1));
                requests.add(new Request(started, System.nanoTime(), reply.status(), sql(reply)));
                if (reply.status() == 200) {
                    long version = reply.json().get("version").asLong();
                    committed.get(product.id()).accumulateAndGet(version, Math::max);
                }
            } catch (RuntimeException e) {
                requests.add(new Request(started, System.nanoTime(), -1, 0));
            }
            n++;
            pause(50);
        }
    }

    private ShopClient.Reply send(String path, long started) {
        try {
            var reply = shop.get(path);
            requests.add(new Request(started, System.nanoTime(), reply.status(), sql(reply)));
            return reply;
        } catch (RuntimeException e) {
            requests.add(new Request(started, System.nanoTime(), -1, 0));
            return null;
        }
    }

    long committedVersion(long id) {
        return committed.get(id).get();
    }

    List<Request> between(long fromNanos, long toNanos) {
        return requests.stream()
                .filter(r -> r.startedNanos() >= fromNanos && r.startedNanos() < toNanos)
                .toList();
    }

    static Latencies latencies(List<Request> requests) {
        return Latencies.of(requests.stream().map(Request::millis).toList());
    }

    static Latencies latencies(List<Request> requests, LongPredicate sql) {
        return latencies(requests.stream().filter(r -> sql.test(r.sql())).toList());
    }

    long staleReadsStartedAfter(long fromNanos) {
        return staleReads.stream().filter(s -> s.startedNanos() >= fromNanos).count();
    }

    List<StaleRead> staleReads() {
        return List.copyOf(staleReads);
    }

    static void pause(long millis) {
        Poll.pause(Duration.ofMillis(millis));
    }

    @Override
    public void close() {
        running = false;
        for (var thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
