package com.ecolaura.jsr107;

/** The shape the shop keeps an exception in: the probe plants one through the JCache API, as an attacker with Redis access might. */
public record CachedFailure(String type, String message) {}
