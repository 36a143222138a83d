package com.ecolaura.catalog.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Work;
import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.CertificationRating;
import com.ecolaura.catalog.entity.MaterialRating;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.SustainabilityScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;

/** Scores products against the rating tables and their category's average footprint. */
@ApplicationScoped
public class SustainabilityScorer {

    @PersistenceContext
    EntityManager em;

    /**
     * The score of a product at a version: a new version has a new key, so no old score can be
     * served for it even if an eviction were lost.
     */
    @CacheResult(cacheName = CacheNames.SUSTAINABILITY_SCORES)
    @CacheFreshness(staleWhileRevalidate = "PT10M")
    @Transactional
    public SustainabilityScore score(@CacheKey long productId, @CacheKey long productVersion) {
        Product product = em.find(Product.class, productId);
        if (product == null) {
            throw new NotFoundException("product " + productId + " does not exist");
        }
        return compute(product);
    }

    /**
     * Three queries: the product's material ratings, its certifications, and its category's other
     * products' footprints, which are averaged with the product's own footprint as it is in memory.
     * None flushes, so a write path can score a product before its one flush.
     */
    public SustainabilityScore compute(Product product) {
        CacheMetrics.work(Work.SCORE_COMPUTATIONS);
        List<String> materials = product.getMaterials().stream()
                .map(String::toLowerCase)
                .distinct()
                .toList();
        List<Integer> materialRatings = materials.isEmpty()
                ? List.of()
                : em.createQuery("select m from MaterialRating m where m.material in :materials", MaterialRating.class)
                        .setParameter("materials", materials)
                        .setFlushMode(FlushModeType.COMMIT)
                        .getResultStream()
                        .map(MaterialRating::getRating)
                        .toList();
        int certificationPoints = product.getCertifications().isEmpty()
                ? 0
                : em.createQuery(
                                "select c from CertificationRating c where c.code in :codes", CertificationRating.class)
                        .setParameter("codes", product.getCertifications())
                        .setFlushMode(FlushModeType.COMMIT)
                        .getResultStream()
                        .mapToInt(CertificationRating::getWeight)
                        .sum();
        BigDecimal categoryAverage = categoryAverage(product);
        var components = SustainabilityFormula.components(
                materialRatings,
                materials.size() - materialRatings.size(),
                certificationPoints,
                product.getCarbonFootprintKg(),
                categoryAverage,
                product.getPackaging(),
                product.getRecycledContentPercent());
        return new SustainabilityScore(
                product.getId() == null ? 0 : product.getId(),
                product.getVersion(),
                components.score(),
                components.grade(),
                components.materials(),
                components.certifications(),
                components.footprint(),
                components.packaging(),
                components.recycledContent(),
                categoryAverage,
                Instant.now());
    }

    private BigDecimal categoryAverage(Product product) {
        Object[] others = em.createQuery(
                        "select coalesce(sum(p.carbonFootprintKg), 0), count(p) from Product p"
                                + " where p.category = :category and p.id <> :id",
                        Object[].class)
                .setParameter("category", product.getCategory())
                .setParameter("id", product.getId() == null ? -1L : product.getId())
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        BigDecimal sum = new BigDecimal(others[0].toString());
        long count = ((Number) others[1]).longValue();
        if (product.getCarbonFootprintKg() != null) {
            sum = sum.add(product.getCarbonFootprintKg());
            count++;
        }
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 3, RoundingMode.HALF_UP);
    }
}
