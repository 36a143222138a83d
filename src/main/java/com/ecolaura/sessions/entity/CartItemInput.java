package com.ecolaura.sessions.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The body of {@code PUT /api/cart/items/{productId}}; 0 removes the item. */
public class CartItemInput {

    @Min(0)
    @Max(99)
    public int quantity;

    public int quantity() {
        return quantity;
    }
}
