package com.ecolaura.catalog.control;

import com.ecolaura.catalog.entity.Category;
import com.ecolaura.catalog.entity.CertificationRating;
import com.ecolaura.catalog.entity.MaterialRating;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes the reference tables and sample products, one transaction a chunk. */
@ApplicationScoped
public class SampleCatalogWriter {

    @PersistenceContext
    EntityManager em;

    private final SampleProducts products = new SampleProducts();

    @Transactional
    public boolean catalogIsEmpty() {
        return em.createQuery("select count(c) from Category c", Long.class).getSingleResult() == 0;
    }

    @Transactional
    public void writeReferenceData() {
        ReferenceData.CATEGORIES.forEach(c -> em.persist(new Category(c.slug(), c.name())));
        ReferenceData.MATERIALS.forEach(m -> em.persist(new MaterialRating(m.material(), m.rating(), m.renewable())));
        ReferenceData.CERTIFICATIONS.forEach(c -> em.persist(new CertificationRating(c.code(), c.name(), c.weight())));
    }

    /** Products number {@code from} (inclusive) to {@code to} (exclusive). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void writeProducts(int from, int to) {
        Map<String, Category> categories = em.createQuery("select c from Category c", Category.class)
                .getResultStream()
                .collect(Collectors.toMap(Category::getSlug, Function.identity()));
        // a sample catalog is not worth 10,000 second-level cache puts; reads fill the cache
        em.setProperty("jakarta.persistence.cache.storeMode", CacheStoreMode.BYPASS);
        for (int n = from; n < to; n++) {
            em.persist(products.product(n, categories));
        }
        em.flush();
        em.clear();
    }
}
