package com.ecolaura.sessions.entity;

import java.math.BigDecimal;
import java.util.List;

/** The cart as the API shows it, priced with the products' current prices. */
public record CartView(String userId, List<Line> items, BigDecimal total, String currency) {

    public record Line(long productId, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
}
