package com.ecolaura.browsing.control;

import com.ecolaura.caching.store.FreshDatabase;
import com.ecolaura.redis.control.DecayingCounts;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.Settings;
import com.ecolaura.redis.control.SharedRedis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.client.codec.StringCodec;

/**
 * A first-order model of browsing: how often a shopper who looked at product A looked at B next.
 * Each session's last product is a key of its own in Redis (so the model learns whichever instance
 * serves the next view); transitions are counted here and added every
 * {@code ecolaura.prefetch.flush-interval} (10 s) to one decaying set per product in Redis
 * ({@code ecolaura:next:{<id>}}, half-life {@code ecolaura.prefetch.half-life}, 6 h, its 10 most
 * frequent successors kept). Predictions are read from Redis at most every
 * {@code ecolaura.prefetch.model-refresh} (30 s) per product.
 */
@ApplicationScoped
public class NextViews {

    /** A product that was likely to follow another: its share of the transitions out of it. */
    public record Likely(long productId, double probability) {}

    private static final int SUCCESSORS = 10;
    private static final int MAX_NOTED = 20_000;
    private static final Duration SESSION_MEMORY = Duration.ofMinutes(30);

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final boolean enabled = Settings.cachingEnabled();
    private final Duration halfLife = Settings.duration("ecolaura.prefetch.half-life", Duration.ofHours(6));
    private final Map<Long, Map<String, LongAdder>> transitions = new ConcurrentHashMap<>();
    private final Cache<Long, List<Likely>> predictions = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Settings.duration("ecolaura.prefetch.model-refresh", Duration.ofSeconds(30)))
            .build();
    private ScheduledFuture<?> flushing;

    void start(@Observes Startup startup) {
        if (!enabled || flushing != null) {
            return;
        }
        long interval = Settings.duration("ecolaura.prefetch.flush-interval", Duration.ofSeconds(10))
                .toMillis();
        flushing = scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
    }

    /** Notes that a session looked at a product, and what it looked at before (one Redis call). */
    public void viewed(String sessionId, long productId) {
        if (!enabled || RedisCircuit.isOpen()) {
            return;
        }
        String previous;
        try {
            previous = SharedRedis.client()
                    .<String>getBucket("ecolaura:last-view:" + sessionId, StringCodec.INSTANCE)
                    .getAndSet(Long.toString(productId), SESSION_MEMORY);
            RedisCircuit.succeeded();
        } catch (RuntimeException e) {
            RedisFailures.record("last-view", "browsing", e);
            return;
        }
        if (previous == null || previous.equals(Long.toString(productId))) {
            return;
        }
        long from = Long.parseLong(previous);
        var successors = transitions.get(from);
        if (successors == null && transitions.size() >= MAX_NOTED) {
            return;
        }
        (successors != null ? successors : transitions.computeIfAbsent(from, id -> new ConcurrentHashMap<>()))
                .computeIfAbsent(Long.toString(productId), id -> new LongAdder())
                .increment();
    }

    void flush() {
        if (transitions.isEmpty() || RedisCircuit.isOpen()) {
            return;
        }
        var batch = SharedRedis.client().createBatch();
        for (Long from : List.copyOf(transitions.keySet())) {
            var successors = transitions.remove(from);
            if (successors != null) {
                var counts = new HashMap<String, Long>();
                successors.forEach((to, count) -> counts.put(to, count.sum()));
                model(from).addTo(batch, counts);
            }
        }
        try {
            batch.execute();
        } catch (RuntimeException e) {
            // the model is a hint: a lost batch only makes it learn a little slower
            RedisFailures.record("next-views", "browsing", e);
        }
    }

    /** The products most often looked at after this one, most likely first. */
    public List<Likely> after(long productId) {
        if (!enabled || RedisCircuit.isOpen()) {
            return List.of();
        }
        return predictions.get(productId, this::read);
    }

    private List<Likely> read(long productId) {
        try {
            var top = model(productId).top(SUCCESSORS);
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
        } catch (RuntimeException e) {
            RedisFailures.record("next-views", "browsing", e);
            return List.of();
        }
    }

    private DecayingCounts model(long productId) {
        return new DecayingCounts("next", Long.toString(productId), halfLife, SUCCESSORS, Duration.ofDays(7));
    }

    /** A new database: what followed what concerned other products. */
    void forget(@Observes FreshDatabase.Forgotten forgotten) {
        transitions.clear();
        predictions.invalidateAll();
        try {
            var keys = SharedRedis.client().getKeys();
            var chunk = new java.util.ArrayList<String>();
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
        } catch (RuntimeException e) {
            RedisFailures.record("next-views", "browsing", e);
        }
    }
}
