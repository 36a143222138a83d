package com.ecolaura.warming.control;

import com.ecolaura.background.control.PendingCounts;
import com.ecolaura.background.control.Repeating;
import com.ecolaura.caching.store.FreshDatabase;
import com.ecolaura.catalog.entity.ProductsViewed;
import com.ecolaura.redis.control.DecayingCounts;
import com.ecolaura.redis.control.RedisGateway;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The products shoppers look at most, lately: views counted here and added every
 * {@code ecolaura.warming.flush-interval} (10 s) to a decaying top-N in Redis shared by all instances
 * ({@code ecolaura:hot:{products}}, half-life {@code ecolaura.warming.half-life}, 1 h; the
 * {@code ecolaura.warming.top} largest kept, twice over so that risers can climb; gone after 7 days
 * without a view).
 */
@ApplicationScoped
public class HotProducts {

    /** Distinct products noted between two flushes: beyond this a burst of cold views is not worth noting. */
    private static final int MAX_NOTED = 20_000;

    @Inject
    Repeating flushing;

    @Inject
    RedisGateway redis;

    @Inject
    @ConfigProperty(name = "ecolaura.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.half-life", defaultValue = "PT1H")
    Duration halfLife;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.flush-interval", defaultValue = "PT10S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "ecolaura.warming.top", defaultValue = "1000")
    int top;

    private final PendingCounts<Long> views = new PendingCounts<>(MAX_NOTED);
    private DecayingCounts counts;

    @PostConstruct
    void prepare() {
        counts = new DecayingCounts("hot", "products", halfLife, 2 * top, Duration.ofDays(7));
    }

    void start(@Observes Startup startup) {
        if (enabled) {
            flushing.start(this::flush, interval);
        }
    }

    int top() {
        return top;
    }

    void viewed(@Observes ProductsViewed viewed) {
        if (!enabled) {
            return;
        }
        viewed.views().forEach(view -> views.increment(view.productId()));
    }

    void flush() {
        if (views.isEmpty() || !redis.available()) {
            return;
        }
        var drained = new HashMap<String, Long>();
        views.drain().forEach((id, count) -> drained.put(Long.toString(id), count));
        // popularity is a hint: a lost batch only makes the next warm-up a little less exact
        redis.run("hot", "warming", client -> counts.add(client, drained));
    }

    /** The hottest products now, hottest first (empty when Redis cannot say). */
    public List<Long> hottest(int count) {
        var top = redis.call("hot", "warming", client -> counts.top(client, count), List.<DecayingCounts.Scored>of());
        return top.stream()
                .map(DecayingCounts.Scored::member)
                .filter(member -> !DecayingCounts.TOTAL.equals(member))
                .map(Long::valueOf)
                .limit(count)
                .toList();
    }

    /** A new database: the ids counted name other products now. */
    void forget(@Observes FreshDatabase.Forgotten forgotten) {
        views.clear();
        redis.run("hot", "warming", counts::delete);
    }
}
