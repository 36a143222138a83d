package com.ecolaura.catalog.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Work;
import com.ecolaura.caching.policy.CacheFreshness;
import com.ecolaura.caching.policy.CacheNames;
import com.ecolaura.catalog.entity.Category;
import com.ecolaura.catalog.entity.Product;
import com.ecolaura.catalog.entity.ProductChanged;
import com.ecolaura.catalog.entity.ProductDetails;
import com.ecolaura.catalog.entity.ProductInput;
import com.ecolaura.catalog.entity.ProductPage;
import com.ecolaura.catalog.entity.ProductSummary;
import com.ecolaura.catalog.entity.ProductView;
import com.ecolaura.problems.entity.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;

/** Products: read through the {@code products} cache, listed through the query cache, written in transactions. */
@ApplicationScoped
public class ProductCatalog {

    @PersistenceContext
    EntityManager em;

    @Inject
    SustainabilityScorer scorer;

    @Inject
    Event<ProductChanged> changes;

    @CacheResult(cacheName = CacheNames.PRODUCTS)
    @CacheFreshness(staleWhileRevalidate = "PT5M")
    @Transactional
    public ProductView find(@CacheKey long id) {
        CacheMetrics.work(Work.PRODUCT_LOADS);
        return ProductView.of(existing(id));
    }

    /** The lowest and the highest product id, or nothing while there is no product. */
    @Transactional
    public Optional<long[]> idRange() {
        var range = em.createQuery("select min(p.id), max(p.id) from Product p", Object[].class)
                .getSingleResult();
        return range[0] == null
                ? Optional.empty()
                : Optional.of(new long[] {((Number) range[0]).longValue(), ((Number) range[1]).longValue()});
    }

    /** Every product id in order, if there are at most {@code atMost} products; else none. */
    @Transactional
    public List<Long> ids(int atMost) {
        if (atMost <= 0) {
            return List.of();
        }
        var ids = em.createQuery("select p.id from Product p order by p.id", Long.class)
                .setMaxResults(atMost + 1)
                .getResultList();
        return ids.size() > atMost ? List.of() : ids;
    }

    /** A page of a category (or of all products), by id; both queries go through the query cache. */
    @Transactional
    public ProductPage list(String category, int page, int size) {
        String where = category == null ? "" : " where p.category.slug = :category";
        var count = em.createQuery("select count(p) from Product p" + where, Long.class)
                .setHint("org.hibernate.cacheable", true);
        var items = em.createQuery("select p from Product p" + where + " order by p.id", Product.class)
                .setHint("org.hibernate.cacheable", true)
                .setFirstResult(page * size)
                .setMaxResults(size);
        if (category != null) {
            count.setParameter("category", category);
            items.setParameter("category", category);
        }
        return new ProductPage(
                count.getSingleResult(),
                page,
                size,
                items.getResultList().stream().map(ProductSummary::of).toList());
    }

    @Transactional
    public ProductView create(ProductInput input) {
        if (!em.createQuery("select p.id from Product p where p.sku = :sku", Long.class)
                .setParameter("sku", input.sku())
                .getResultList()
                .isEmpty()) {
            throw new ClientErrorException("a product with sku " + input.sku() + " exists already", Status.CONFLICT);
        }
        var product = new Product();
        apply(input, product);
        return written(product, -1, ProductChanged.Kind.CREATED, null, null);
    }

    @Transactional
    /**
     * @param expectedVersions the versions the client's {@code If-Match} accepts; empty for any. Checked
     *     in the writing transaction (and by {@code @Version} at flush), so no concurrent write slips in between.
     */
    public ProductView update(long id, ProductInput input, Set<Long> expectedVersions) {
        var product = lockedForWriting(id);
        if (!expectedVersions.isEmpty() && !expectedVersions.contains(product.getVersion())) {
            throw new WebApplicationException(
                    "product " + id + " is at version " + product.getVersion() + ", not the one If-Match names",
                    Status.PRECONDITION_FAILED);
        }
        if (!product.getSku().equals(input.sku())) {
            throw new InvalidRequestException("/sku", "the sku of a product cannot change (" + product.getSku() + ")");
        }
        var matchedBefore = SearchRelevance.of(product);
        var detailsBefore = ProductDetails.of(product);
        long previousVersion = product.getVersion();
        apply(input, product);
        return written(product, previousVersion, ProductChanged.Kind.UPDATED, matchedBefore, detailsBefore);
    }

    @Transactional
    public void delete(long id) {
        var product = lockedForWriting(id);
        em.remove(product);
        changes.fire(new ProductChanged(id, product.getVersion(), ProductChanged.Kind.DELETED, true, true));
    }

    /**
     * @param matchedBefore what searches saw of the product before the change; null for a new product
     * @param detailsBefore its stable fields before the change; null for a new product
     */
    private ProductView written(
            Product product,
            long previousVersion,
            ProductChanged.Kind kind,
            SearchRelevance matchedBefore,
            ProductDetails detailsBefore) {
        product.touch();
        product.setEcoScore(scorer.compute(product).score());
        if (kind == ProductChanged.Kind.CREATED) {
            // after scoring: Hibernate inserts the state a product has when it is persisted
            em.persist(product);
        }
        em.flush();
        boolean matchingChanged = matchedBefore == null || !matchedBefore.equals(SearchRelevance.of(product));
        boolean detailsChanged = detailsBefore == null || !detailsBefore.sameAs(ProductDetails.of(product));
        changes.fire(new ProductChanged(product.getId(), previousVersion, kind, matchingChanged, detailsChanged));
        return ProductView.of(product);
    }

    private void apply(ProductInput input, Product product) {
        var category = em.find(Category.class, input.category());
        if (category == null) {
            throw new InvalidRequestException("/category", "unknown category '" + input.category() + "'");
        }
        product.setSku(input.sku());
        product.setName(input.name().strip());
        product.setDescription(input.description());
        product.setCategory(category);
        product.setBrand(input.brand());
        product.setPrice(input.price());
        product.setCurrency(input.currency());
        product.setStock(input.stock());
        product.setMaterials(input.materialsOrEmpty().stream()
                .map(m -> m.strip().toLowerCase())
                .toList());
        product.setCertifications(
                input.certificationsOrEmpty().stream().map(String::strip).toList());
        product.setCarbonFootprintKg(input.carbonFootprintKg());
        product.setRecycledContentPercent(input.recycledContentPercent());
        product.setPackaging(input.packaging());
        product.setOriginCountry(input.originCountry());
    }

    private Product existing(long id) {
        return found(id, em.find(Product.class, id));
    }

    /**
     * The product's row locked until commit: concurrent writes of one product queue up instead of
     * failing on its {@code @Version} (a PUT without If-Match means "whatever it is now").
     */
    private Product lockedForWriting(long id) {
        return found(id, em.find(Product.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Product found(long id, Product product) {
        if (product == null) {
            throw new NotFoundException("product " + id + " does not exist");
        }
        return product;
    }
}
