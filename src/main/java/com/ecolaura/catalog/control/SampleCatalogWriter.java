package com.ecolaura.catalog.control;

import com.ecolaura.catalog.entity.Category;
import com.ecolaura.catalog.entity.CertificationRating;
import com.ecolaura.catalog.entity.MaterialRating;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Writes the reference tables and sample products, one transaction a chunk. */
@ApplicationScoped
public class SampleCatalogWriter {

    private static final System.Logger LOG = System.getLogger(SampleCatalogWriter.class.getName());

    @PersistenceContext
    EntityManager em;

    private final SampleProducts products = new SampleProducts();

    /**
     * Adopts a database written before materials and certifications became columns of the product:
     * their lists move from the old tables ({@code product_materials}, {@code product_certifications},
     * which Hibernate no longer maps) into the product rows, and the old tables go. Nothing to do on a
     * database that never had them.
     */
    @Transactional
    public void adoptListTables() {
        var session = em.unwrap(Session.class);
        session.doWork(connection -> {
            for (var list : new String[][] {
                {"product_materials", "material", "materials"},
                {"product_certifications", "certification", "certifications"}
            }) {
                if (ListTables.exist(connection, list[0])) {
                    int moved = ListTables.move(connection, list[0], list[1], list[2]);
                    LOG.log(
                            Level.INFO,
                            "adopted {0}: {1} products'' {2} moved into products.{2}",
                            list[0],
                            moved,
                            list[2]);
                }
            }
        });
    }

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
