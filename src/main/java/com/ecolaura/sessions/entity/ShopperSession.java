package com.ecolaura.sessions.entity;

import java.time.Instant;
import java.util.Map;

/** A shopper's session: who, since when, and the cart (product id → quantity). */
public record ShopperSession(String id, String userId, Instant createdAt, Map<Long, Integer> cart) {

    /** The name of the cookie that carries a session's id. */
    public static final String COOKIE = "ecolaura_session";
}
