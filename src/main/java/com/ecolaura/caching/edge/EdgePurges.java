package com.ecolaura.caching.edge;

import com.ecolaura.background.control.Repeating;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges surrogate keys on every edge cache in {@code ecolaura.edge.purge-urls}: an HTTP
 * {@code PURGE} with the keys in {@code xkey-purge}, which server-config/varnish/ecolaura.vcl hands to
 * {@code xkey.purge}. Sent before the write's response, so its writer reads the new value through
 * the edge; sent again {@code ecolaura.edge.repurge-delay} later, for an edge fetch that read the old
 * value while the write committed. Fail-open: a purge an edge did not accept waits, per edge, and is
 * replayed until it is (past {@value #MAX_PENDING} keys, the edge is emptied whole).
 */
@ApplicationScoped
public class EdgePurges {

    static final String HEADER = "xkey-purge";
    private static final int MAX_PENDING = 10_000;
    private static final int KEYS_PER_REQUEST = 100;
    private static final System.Logger LOG = System.getLogger(EdgePurges.class.getName());

    /** Comma-separated; read as one string (Payara's config cannot inject an optional list). */
    @Inject
    @ConfigProperty(name = "ecolaura.edge.purge-urls", defaultValue = " ")
    String purgeUrls;

    @Inject
    @ConfigProperty(name = "ecolaura.edge.purge-timeout", defaultValue = "PT0.5S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "ecolaura.edge.repurge-delay", defaultValue = "PT1S")
    Duration repurgeDelay;

    @Inject
    Repeating replaying;

    private record Later(long dueNanos, Set<String> keys) {}

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<URI, Set<String>> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Later> repurges = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private List<URI> edges = List.of();

    @PostConstruct
    void configure() {
        edges = java.util.Arrays.stream(purgeUrls.split(","))
                .map(String::strip)
                .filter(url -> !url.isEmpty())
                .map(url -> URI.create(url.endsWith("/") ? url : url + "/"))
                .toList();
    }

    void start(@Observes Startup startup) {
        CacheMetrics.gauge(Gauge.EDGE_PURGES, null, accepted::get);
        CacheMetrics.gauge(Gauge.EDGE_PURGE_FAILURES, null, failed::get);
        CacheMetrics.gauge(Gauge.EDGE_PURGE_PENDING, null, this::pendingKeys);
        if (enabled()) {
            LOG.log(System.Logger.Level.INFO, "edge caches purged by surrogate key: {0}", edges);
            replaying.start(this::replay, Duration.ofMillis(250));
        }
    }

    /** Whether there is an edge to purge; without one the shop does not label responses for it. */
    public boolean enabled() {
        return !edges.isEmpty();
    }

    /**
     * Purges the keys on every edge, now and once more after the repurge delay; on an edge that has
     * purges waiting, through the replay only.
     */
    public void purge(Collection<String> keys) {
        if (!enabled() || keys.isEmpty()) {
            return;
        }
        Set<String> purged = Set.copyOf(keys);
        // an edge already behind waits for the replay: one unreachable edge slows one write, not every write
        var reachable = new ArrayList<URI>();
        for (URI edge : edges) {
            var waiting = pending.get(edge);
            if (waiting == null || waiting.isEmpty()) {
                reachable.add(edge);
            } else {
                keep(edge, String.join(" ", purged));
            }
        }
        send(reachable, purged);
        repurges.add(new Later(System.nanoTime() + repurgeDelay.toNanos(), purged));
    }

    /** Second purges that are due, and what an edge missed (kept until the edge accepts them). */
    void replay() {
        long now = System.nanoTime();
        for (Later later = repurges.peek(); later != null && later.dueNanos() - now <= 0; later = repurges.peek()) {
            repurges.poll();
            send(edges, later.keys());
        }
        pending.forEach((edge, keys) -> {
            if (!keys.isEmpty()) {
                send(List.of(edge), Set.copyOf(keys));
            }
        });
    }

    /** Waits for the edges' answers up to the timeout; what one did not accept is kept for it. */
    private void send(List<URI> to, Set<String> keys) {
        var answers = new ArrayList<CompletableFuture<Void>>();
        var chunks = chunks(keys);
        for (URI edge : to) {
            for (String chunk : chunks) {
                var request = HttpRequest.newBuilder(edge)
                        .method("PURGE", HttpRequest.BodyPublishers.noBody())
                        .header(HEADER, chunk)
                        .timeout(timeout)
                        .build();
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .handle((response, error) -> {
                            if (error == null && response.statusCode() / 100 == 2) {
                                accepted.incrementAndGet();
                                settled(edge, chunk);
                            } else {
                                failed.incrementAndGet();
                                keep(edge, chunk);
                            }
                            return null;
                        }));
            }
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // each request's own timeout records it as failed; the write goes on
        }
    }

    /** Whatever waited for this edge and is now purged no longer waits. */
    private void settled(URI edge, String chunk) {
        var waiting = pending.get(edge);
        if (waiting != null && !waiting.isEmpty()) {
            List.of(chunk.split(" ")).forEach(waiting::remove);
        }
    }

    private void keep(URI edge, String chunk) {
        var keys = pending.computeIfAbsent(edge, e -> ConcurrentHashMap.newKeySet());
        for (String key : chunk.split(" ")) {
            keys.add(keys.size() < MAX_PENDING ? key : SurrogateKeys.ALL);
        }
    }

    private static List<String> chunks(Set<String> keys) {
        if (keys.contains(SurrogateKeys.ALL)) {
            return List.of(SurrogateKeys.ALL);
        }
        var all = List.copyOf(keys);
        var chunks = new ArrayList<String>();
        for (int from = 0; from < all.size(); from += KEYS_PER_REQUEST) {
            chunks.add(String.join(" ", all.subList(from, Math.min(all.size(), from + KEYS_PER_REQUEST))));
        }
        return chunks;
    }

    private long pendingKeys() {
        return pending.values().stream().mapToLong(Set::size).sum();
    }
}
