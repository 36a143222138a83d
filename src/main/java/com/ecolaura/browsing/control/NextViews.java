package com.ecolaura.browsing.control;

import com.ecolaura.background.control.PendingCounts;
import com.ecolaura.background.control.Repeating;
import com.ecolaura.caching.store.FreshDatabase;
import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.redis.control.DecayingCounts;
import com.ecolaura.redis.control.RedisGateway;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RBucketAsync;
import org.redisson.api.RFuture;
import org.redisson.client.codec.StringCodec;

/**
 * A first-order model of browsing: how often a shopper who looked at product A looked at B next.
 * Each session's last product is a key of its own in Redis ({@code ecolaura:last-view:<session>},
 * 30 min), so the model learns whichever instance serves the next view: a batch of views costs one
 * round trip for all its sessions. Transitions are counted here and added every
 * {@code ecolaura.prefetch.flush-interval} (10 s) to one decaying set per product in Redis
 * ({@code ecolaura:next:{<id>}}, half-life {@code ecolaura.prefetch.half-life}, 6 h, its 10 most
 * frequent successors kept, gone after 7 days unused). Predictions are read from Redis at most every
 * {@code ecolaura.prefetch.model-refresh} (30 s) per product.
 */
@ApplicationScoped
public class NextViews {

    /** A product that was likely to follow another: its share of the transitions out of it. */
    public record Likely(long productId, double probability) {}

    private record Transition(long from, long to) {}

    private static final int SUCCESSORS = 10;
    /** Distinct transitions noted between two flushes: beyond this a burst of new ones is not worth noting. */
    private static final int MAX_NOTED = 50_000;

    private static final Duration SESSION_MEMORY = Duration.ofMinutes(30);
    private static final Duration MODEL_LIFETIME = Duration.ofDays(7);

    @Inject
    Repeating flushing;

    @Inject
    RedisGateway redis;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.half-life", defaultValue = "PT6H")
    Duration halfLife;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.flush-interval", defaultValue = "PT10S")
    Duration flushInterval;

    @Inject
    @ConfigProperty(name = "ecolaura.prefetch.model-refresh", defaultValue = "PT30S")
    Duration modelRefresh;

    private final PendingCounts<Transition> transitions = new PendingCounts<>(MAX_NOTED);
    private Cache<Long, List<Likely>> predictions;

    @PostConstruct
    void prepare() {
        predictions = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(modelRefresh)
                .build();
    }

    void start(@Observes Startup startup) {
        if (enabled) {
            flushing.start(this::flush, flushInterval);
        }
    }

    /**
     * Notes what each session looked at, in order, and what it looked at before this batch: one
     * round trip for the batch (each session's last product read and replaced).
     */
    void viewed(List<ProductViewed> views) {
        if (!enabled) {
            return;
        }
        var bySession = new LinkedHashMap<String, List<Long>>();
        for (var view : views) {
            view.session().ifPresent(session -> bySession
                    .computeIfAbsent(session, s -> new ArrayList<>())
                    .add(view.productId()));
        }
        if (bySession.isEmpty()) {
            return;
        }
        Map<String, String> before = redis.call(
                "last-view",
                "browsing",
                client -> {
                    var batch = client.createBatch();
                    var previous = new HashMap<String, RFuture<String>>();
                    bySession.forEach((session, products) -> {
                        RBucketAsync<String> last =
                                batch.getBucket("ecolaura:last-view:" + session, StringCodec.INSTANCE);
                        previous.put(
                                session,
                                last.getAndSetAsync(Long.toString(products.get(products.size() - 1)), SESSION_MEMORY));
                    });
                    batch.execute();
                    var answers = new HashMap<String, String>();
                    previous.forEach((session, answer) -> {
                        String value = answer.toCompletableFuture().join();
                        if (value != null) {
                            answers.put(session, value);
                        }
                    });
                    return answers;
                },
                null);
        if (before == null) {
            return;
        }
        bySession.forEach((session, products) -> {
            String previous = before.get(session);
            long from = previous == null ? -1 : Long.parseLong(previous);
            for (long to : products) {
                if (from >= 0 && from != to) {
                    transitions.increment(new Transition(from, to));
                }
                from = to;
            }
        });
    }

    void flush() {
        if (transitions.isEmpty() || !redis.available()) {
            return;
        }
        var drained = new HashMap<Long, Map<String, Long>>();
        transitions.drain().forEach((transition, count) -> drained.computeIfAbsent(
                        transition.from(), from -> new HashMap<>())
                .put(Long.toString(transition.to()), count));
        // the model is a hint: a lost batch only makes it learn a little slower
        redis.run("next-views", "browsing", client -> {
            var batch = client.createBatch();
            drained.forEach((from, counts) -> model(from).addTo(batch, counts));
            batch.execute();
        });
    }

    /** The products most often looked at after this one, most likely first. */
    public List<Likely> after(long productId) {
        if (!enabled || !redis.available()) {
            return List.of();
        }
        return predictions.get(productId, this::read);
    }

    private List<Likely> read(long productId) {
        var top =
                redis.call("next-views", "browsing", client -> model(productId).top(client, SUCCESSORS), null);
        if (top == null) {
            return List.of();
        }
        // the total ties with a product that every transition went to, and may then come second
        double total = top.stream()
                .filter(scored -> DecayingCounts.TOTAL.equals(scored.member()))
                .mapToDouble(DecayingCounts.Scored::score)
                .findFirst()
                .orElse(Double.NaN);
        return top.stream()
                .filter(scored -> !DecayingCounts.TOTAL.equals(scored.member()))
                .map(scored -> new Likely(Long.parseLong(scored.member()), scored.score() / total))
                .filter(likely -> likely.probability() > 0)
                .toList();
    }

    private DecayingCounts model(long productId) {
        return new DecayingCounts("next", Long.toString(productId), halfLife, SUCCESSORS, MODEL_LIFETIME);
    }

    /** A new database: what followed what concerned other products. */
    void forget(@Observes FreshDatabase.Forgotten forgotten) {
        transitions.clear();
        predictions.invalidateAll();
        redis.run("next-views", "browsing", client -> {
            var keys = client.getKeys();
            var chunk = new ArrayList<String>();
            for (String key : (Iterable<String>) keys.getKeysStreamByPattern("ecolaura:next:*", 500)::iterator) {
                chunk.add(key);
                if (chunk.size() == 500) {
                    keys.delete(chunk.toArray(String[]::new));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                keys.delete(chunk.toArray(String[]::new));
            }
        });
    }
}
