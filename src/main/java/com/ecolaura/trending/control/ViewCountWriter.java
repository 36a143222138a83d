package com.ecolaura.trending.control;

import com.ecolaura.trending.entity.ProductViewCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import org.hibernate.Session;

/**
 * Adds drained view counts to the hourly rows, in one transaction: one JDBC batch of updates, then
 * an insert for each hour not counted yet, both in the rows' order (product, hour), so that the
 * flushes of two instances never lock the same rows in opposite orders. The updates bypass Hibernate on purpose: each of its bulk
 * updates marks the table changed in the query cache's timestamps region (two Redis writes a row,
 * for a table no cached query reads).
 */
@ApplicationScoped
public class ViewCountWriter {

    private static final String ADD =
            "update product_view_counts set views = views + ? where productId = ? and hourStart = ?";

    private static final Comparator<ViewCounts.Key> IN_LOCK_ORDER =
            Comparator.comparingLong(ViewCounts.Key::productId).thenComparing(ViewCounts.Key::hourStart);

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(Map<ViewCounts.Key, Long> counts) {
        var keys = new ArrayList<>(counts.keySet());
        // every instance locks the rows in one order: two flushes of the same rows wait, never deadlock
        keys.sort(IN_LOCK_ORDER);
        int[] updated = em.unwrap(Session.class).doReturningWork(connection -> {
            try (var update = connection.prepareStatement(ADD)) {
                for (var key : keys) {
                    update.setLong(1, counts.get(key));
                    update.setLong(2, key.productId());
                    update.setObject(3, key.hourStart().atOffset(ZoneOffset.UTC));
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
        for (int i = 0; i < keys.size(); i++) {
            if (updated[i] == 0) {
                var key = keys.get(i);
                em.persist(new ProductViewCount(key.productId(), key.hourStart(), counts.get(key)));
            }
        }
    }
}
