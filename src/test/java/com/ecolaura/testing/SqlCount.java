package com.ecolaura.testing;

/**
 * SQL statements a request causes, from Hibernate's statistics. The view-count flusher writes in
 * the background, so a measurement that a flush overlapped is taken again.
 */
public final class SqlCount {

    private SqlCount() {}

    public static long during(ShopClient shop, Runnable request) {
        for (int attempt = 0; attempt < 5; attempt++) {
            double flushesBefore = shop.metric("ecolaura_trending_view_flushes_total");
            double before = shop.metric("ecolaura_hibernate_statements");
            request.run();
            double after = shop.metric("ecolaura_hibernate_statements");
            if (shop.metric("ecolaura_trending_view_flushes_total") == flushesBefore) {
                return (long) (after - before);
            }
        }
        throw new AssertionError("view-count flushes overlapped every measurement");
    }
}
