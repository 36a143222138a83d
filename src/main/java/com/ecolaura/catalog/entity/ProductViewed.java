package com.ecolaura.catalog.entity;

/**
 * A shopper looked at a product, in a browsing session (its cookie, as sent: unverified, null when
 * there was none). Observed by what learns from views: hot products, what is viewed next.
 */
public record ProductViewed(long productId, String sessionId) {

    private static final java.util.regex.Pattern SESSION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** The session, if the cookie looks like one the shop hands out. */
    public java.util.Optional<String> session() {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches()
                ? java.util.Optional.of(sessionId)
                : java.util.Optional.empty();
    }
}
