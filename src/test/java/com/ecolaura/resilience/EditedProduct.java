package com.ecolaura.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ecolaura.testing.ShopClient;
import java.util.UUID;

/** A product the fault tests create and then keep changing (its stock). */
record EditedProduct(long id, long version, String sku) {

    static EditedProduct create(ShopClient shop) {
        String sku = "ECO-R-" + UUID.randomUUID().toString().substring(0, 8);
        var created = shop.post("api/products", body(sku, 1));
        assertEquals(201, created.status(), created.body());
        return new EditedProduct(
                created.json().get("id").asLong(), created.json().get("version").asLong(), sku);
    }

    String body(int stock) {
        return body(sku, stock);
    }

    private static String body(String sku, int stock) {
        return """
                {"sku":"%s","name":"Heron tote","description":"a tote","category":"fashion","brand":"Test",
                 "price":24.00,"currency":"EUR","stock":%d,"materials":["hemp"],"certifications":[],
                 "carbonFootprintKg":2.0,"recycledContentPercent":30,"packaging":"PLASTIC_FREE","originCountry":"PT"}
                """
                .formatted(sku, stock);
    }
}
