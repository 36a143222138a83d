package com.ecolaura.warming.control;

import com.ecolaura.caching.store.FreshDatabase;
import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.redis.control.DecayingCounts;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisFailures;
import com.ecolaura.redis.control.Settings;
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

/**
 * The products shoppers look at most, lately: views counted here and added every
 * {@code ecolaura.warming.flush-interval} (10 s) to a decaying top-N in Redis shared by all instances
 * ({@code ecolaura:hot:{products}}, half-life {@code ecolaura.warming.half-life}, 1 h; the
 * {@code ecolaura.warming.top} largest kept, twice over so that risers can climb).
 */
@ApplicationScoped
public class HotProducts {

    /** Distinct products noted between two flushes: beyond this a burst of cold views is not worth noting. */
    private static final int MAX_NOTED = 20_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final boolean enabled = Settings.cachingEnabled();
    private final Map<Long, LongAdder> views = new ConcurrentHashMap<>();
    private final DecayingCounts counts = new DecayingCounts(
            "hot",
            "products",
            Settings.duration("ecolaura.warming.half-life", Duration.ofHours(1)),
            2 * top(),
            Duration.ofDays(7));
    private ScheduledFuture<?> flushing;

    void start(@Observes Startup startup) {
        if (!enabled || flushing != null) {
            return;
        }
        long interval = Settings.duration("ecolaura.warming.flush-interval", Duration.ofSeconds(10))
                .toMillis();
        flushing = scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
    }

    static int top() {
        return Settings.number("ecolaura.warming.top", 1_000);
    }

    void viewed(@Observes ProductViewed view) {
        if (!enabled) {
            return;
        }
        long productId = view.productId();
        var count = views.get(productId);
        if (count == null && views.size() >= MAX_NOTED) {
            return;
        }
        (count != null ? count : views.computeIfAbsent(productId, id -> new LongAdder())).increment();
    }

    void flush() {
        if (views.isEmpty() || RedisCircuit.isOpen()) {
            return;
        }
        var drained = new HashMap<String, Long>();
        for (Long id : List.copyOf(views.keySet())) {
            var count = views.remove(id);
            if (count != null) {
                drained.put(Long.toString(id), count.sum());
            }
        }
        try {
            counts.add(drained);
        } catch (RuntimeException e) {
            // popularity is a hint: a lost batch only makes the next warm-up a little less exact
            RedisFailures.record("hot", "products", e);
        }
    }

    /** The hottest products now, hottest first (empty when Redis cannot say). */
    public List<Long> hottest(int count) {
        try {
            return counts.top(count).stream()
                    .map(DecayingCounts.Scored::member)
                    .filter(member -> !DecayingCounts.TOTAL.equals(member))
                    .map(Long::valueOf)
                    .limit(count)
                    .toList();
        } catch (RuntimeException e) {
            RedisFailures.record("hot", "products", e);
            return List.of();
        }
    }

    /** A new database: the ids counted name other products now. */
    void forget(@Observes FreshDatabase.Forgotten forgotten) {
        views.clear();
        try {
            counts.delete();
        } catch (RuntimeException e) {
            RedisFailures.record("hot", "products", e);
        }
    }
}
