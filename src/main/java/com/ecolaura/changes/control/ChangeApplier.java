package com.ecolaura.changes.control;

import com.ecolaura.background.control.BackgroundThreads;
import com.ecolaura.caching.edge.EdgePurges;
import com.ecolaura.caching.edge.SurrogateKeys;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.caching.store.CacheUpdates;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.ProductChanged;
import com.ecolaura.changes.entity.CommittedChange;
import com.ecolaura.changes.entity.Invalidation;
import com.ecolaura.changes.entity.StreamEvent;
import com.ecolaura.profiles.control.ProfileCacheRefresh;
import com.ecolaura.profiles.entity.UserProfile;
import com.ecolaura.search.control.SearchTags;
import com.ecolaura.trending.control.TrendingInvalidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a committed outside change invalidate what a write through the shop would have: the
 * second-level cache first (a reload must read the database, not the old entity), then a product's
 * {@link ProductChanged} outside any transaction, so every observer the shop's own writes use (its
 * entries, fences, search generation, trending, near caches everywhere, the edge) acts at once. A
 * table it cannot map by row is cleared as a whole. Every step is fail-open, like the shop's own:
 * what Redis or an edge missed waits and is replayed.
 */
@ApplicationScoped
public class ChangeApplier {

    private static final System.Logger LOG = System.getLogger(ChangeApplier.class.getName());

    /** More products than this at once clear the product caches instead of evicting each. */
    static final int BULK = 100;

    private static final Duration REPEAT = Duration.ofSeconds(1);

    @Inject
    SecondLevelInvalidation secondLevel;

    @Inject
    BackgroundThreads background;

    @Inject
    Event<ProductChanged> productChanges;

    @Inject
    ProfileCacheRefresh profiles;

    @Inject
    CacheUpdates caches;

    @Inject
    SearchTags search;

    @Inject
    TrendingInvalidation trending;

    @Inject
    EdgePurges edge;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong own = new AtomicLong();
    private final AtomicLong unmapped = new AtomicLong();

    /**
     * Applies committed transactions that arrived together, as one: the same row invalidated once,
     * and past {@value #BULK} products a single clearing. Returns whether anything was invalidated.
     */
    public boolean apply(List<CommittedChange> changes) {
        var invalidations = new LinkedHashSet<Invalidation>();
        for (var change : changes) {
            if (change.ownWrite()) {
                own.incrementAndGet();
            } else if (change.needsApplying()) {
                applied.incrementAndGet();
                invalidations.addAll(change.invalidations());
            }
        }
        long products = invalidations.stream()
                .filter(Invalidation.Product.class::isInstance)
                .count();
        if (products > BULK) {
            // a batch job: one clearing costs less than an eviction per row
            table(new Invalidation.Table(CachedTable.PRODUCTS.table(), products + " products at once", false));
        }
        for (var invalidation : invalidations) {
            if (invalidation instanceof Invalidation.Product product && products <= BULK) {
                product(product);
            } else if (invalidation instanceof Invalidation.Profile profile) {
                secondLevel.row(UserProfile.class, profile.userId(), null);
                profiles.evict(profile.userId());
            } else if (invalidation instanceof Invalidation.Table table) {
                table(table);
            }
        }
        return !invalidations.isEmpty();
    }

    /**
     * Everything the cached tables feed, cleared: the stream resumed after a gap (its slot was lost
     * and made anew), so changes may have been missed.
     */
    public void clearAll(String reason) {
        LOG.log(Level.WARNING, "clearing every cache the database feeds: {0}", reason);
        clearEverything();
        again(this::clearEverything);
    }

    private void clearEverything() {
        secondLevel.everything();
        Arrays.stream(CachedTable.values())
                .flatMap(table -> table.caches.stream())
                .distinct()
                .forEach(caches::clear);
        search.bumpGeneration();
        trending.clearTrending();
        edge.purge(List.of(SurrogateKeys.ALL));
    }

    private void product(Invalidation.Product product) {
        // loads of the version before this change are refused; of this one, taken
        secondLevel.row(Product.class, product.id(), product.version() > 0 ? product.version() - 1 : null);
        var kind =
                switch (product.kind()) {
                    case INSERT -> ProductChanged.Kind.CREATED;
                    case UPDATE -> ProductChanged.Kind.UPDATED;
                    case DELETE -> ProductChanged.Kind.DELETED;
                };
        // the products trigger raised the version of an outside update; the score was cached under the one before
        long previous = product.kind() == StreamEvent.Kind.UPDATE && product.version() > 0 ? product.version() - 1 : -1;
        productChanges.fire(new ProductChanged(product.id(), previous, kind, true, true));
    }

    private void table(Invalidation.Table table) {
        if (table.unmapped()) {
            unmapped.incrementAndGet();
            LOG.log(
                    Level.WARNING,
                    "change to {0} not mapped ({1}): clearing what it feeds",
                    table.table(),
                    table.reason());
        }
        var known = CachedTable.named(table.table());
        if (known.isEmpty()) {
            clearAll("a change to " + table.table() + ", a table the shop does not map");
            return;
        }
        clear(known.get());
        again(() -> clear(known.get()));
    }

    /**
     * A clearing is done twice, {@link #REPEAT} apart: a region cleared outright (unlike a row, which
     * is locked) takes back an old row that a reader loaded before the commit and puts only now.
     */
    private void again(Runnable clearing) {
        background.later(clearing, REPEAT);
    }

    private void clear(CachedTable table) {
        secondLevel.entity(table.entity);
        table.caches.forEach(caches::clear);
        if (table.caches.contains(CacheNames.SEARCH_RESULTS)) {
            search.bumpGeneration();
        }
        if (table.caches.contains(CacheNames.TRENDING)) {
            trending.clearTrending();
        }
        if (table.atTheEdge()) {
            edge.purge(table.caches);
        }
    }

    public long applied() {
        return applied.get();
    }

    public long own() {
        return own.get();
    }

    public long unmapped() {
        return unmapped.get();
    }
}
