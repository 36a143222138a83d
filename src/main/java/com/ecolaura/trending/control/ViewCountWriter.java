package com.ecolaura.trending.control;

import com.ecolaura.trending.entity.ProductViewCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Adds drained view counts to the hourly rows, in one transaction. */
@ApplicationScoped
public class ViewCountWriter {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(Map<ViewCounts.Key, Long> counts) {
        counts.forEach((key, views) -> {
            int updated = em.createQuery("update ProductViewCount v set v.views = v.views + :views"
                            + " where v.productId = :productId and v.hourStart = :hourStart")
                    .setParameter("views", views)
                    .setParameter("productId", key.productId())
                    .setParameter("hourStart", key.hourStart())
                    .executeUpdate();
            if (updated == 0) {
                em.persist(new ProductViewCount(key.productId(), key.hourStart(), views));
            }
        });
    }
}
