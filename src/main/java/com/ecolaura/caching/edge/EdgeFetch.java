package com.ecolaura.caching.edge;

/**
 * The header server-config/varnish/ecolaura.vcl puts on the requests the edge makes to fill itself:
 * such a request is no shopper's view of a product (the storefront reports a view the edge served
 * with a beacon instead), so the shop does not count it.
 */
public final class EdgeFetch {

    public static final String HEADER = "X-Ecolaura-Edge-Fetch";

    private EdgeFetch() {}

    public static boolean is(String headerValue) {
        return headerValue != null;
    }
}
