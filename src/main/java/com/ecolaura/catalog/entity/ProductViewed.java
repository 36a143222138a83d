package com.ecolaura.catalog.entity;

/**
 * A shopper looked at a product, in a browsing session (its cookie, as sent: unverified, null when
 * there was none). Delivered in batches ({@link ProductsViewed}).
 */
public record ProductViewed(long productId, String sessionId) {

    /**
     * The shopper session's cookie (the sessions component hands it out, and names it the same; a
     * test holds the two together): named here so that the catalog does not depend on sessions.
     */
    public static final String SESSION_COOKIE = "ecolaura_session";

    private static final java.util.regex.Pattern SESSION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** The session, if the cookie looks like one the shop hands out. */
    public java.util.Optional<String> session() {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches()
                ? java.util.Optional.of(sessionId)
                : java.util.Optional.empty();
    }
}
