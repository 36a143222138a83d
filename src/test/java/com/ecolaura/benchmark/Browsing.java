package com.ecolaura.benchmark;

import com.ecolaura.testing.ShopClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shoppers browsing like people do: each starts a session, looks at a first product picked by
 * popularity (Zipf over the catalog), then goes on to one of the product's three related products
 * (chosen with probability 0.6, 0.3, 0.1) 70 % of the time, or to another popular product; eight
 * views per session. The related products are a fixed function of the product, unknown to the shop,
 * which has to learn them. Seeded: two runs with the same seed ask for the same products in the
 * same order per shopper.
 */
final class Browsing implements AutoCloseable {

    private static final int VIEWS_PER_SESSION = 8;
    private static final double FOLLOW_RELATED = 0.7;

    private final ShopClient shop;
    private final int catalogSize;
    private final double[] zipf;
    private final List<Thread> shoppers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong views = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    Browsing(ShopClient shop, int catalogSize, int shopperCount, long seed) {
        this.shop = shop;
        this.catalogSize = catalogSize;
        this.zipf = cumulativeZipf(catalogSize, 1.0);
        for (int i = 0; i < shopperCount; i++) {
            var random = new Random(seed * 1_000 + i);
            var thread = new Thread(() -> browse(random, "user-" + (1 + random.nextInt(200))), "shopper-" + i);
            thread.setDaemon(true);
            shoppers.add(thread);
        }
        shoppers.forEach(Thread::start);
    }

    private void browse(Random random, String user) {
        while (running.get()) {
            ShopClient session;
            try {
                session = shop.signedInAs(user);
            } catch (RuntimeException | AssertionError e) {
                errors.incrementAndGet();
                continue;
            }
            long product = popular(random);
            for (int view = 0; view < VIEWS_PER_SESSION && running.get(); view++) {
                try {
                    if (session.get("api/products/" + product).status() != 200) {
                        errors.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
                views.incrementAndGet();
                product = random.nextDouble() < FOLLOW_RELATED ? related(product, random) : popular(random);
            }
        }
    }

    /** A popular product: rank r with probability proportional to 1/r, ranks shuffled over the ids. */
    private long popular(Random random) {
        double u = random.nextDouble();
        int low = 0;
        int high = zipf.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (zipf[middle] < u) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return 1 + Math.floorMod((long) low * 7_919L, catalogSize);
    }

    /** One of the product's three related products, the first the most likely. */
    private long related(long product, Random random) {
        double u = random.nextDouble();
        int which = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
        long mixed = (product * 2_654_435_761L + which * 40_503L) & 0x7fffffffL;
        return 1 + Math.floorMod(mixed, catalogSize);
    }

    private static double[] cumulativeZipf(int size, double exponent) {
        var cumulative = new double[size];
        double sum = 0;
        for (int rank = 1; rank <= size; rank++) {
            sum += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (var shopper : shoppers) {
            shopper.join(30_000);
        }
    }
}
