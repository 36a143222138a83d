package com.ecolaura.jsr107;

import java.math.BigDecimal;

/** A value the probe's beans cache. */
public record Price(String sku, BigDecimal amount) {}
