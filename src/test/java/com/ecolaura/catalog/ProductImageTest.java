package com.ecolaura.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.ecolaura.catalog.entity.ProductImage;
import org.junit.jupiter.api.Test;

class ProductImageTest {

    @Test
    void aPictureIsNamedByWhatItIsDrawnFrom() {
        String url = ProductImage.url(42, "Bamboo Toothbrush", "personal-care", 71);
        String fingerprint = ProductImage.fingerprint(42, "Bamboo Toothbrush", "personal-care", 71);
        assertEquals("/images/products/42." + fingerprint + ".w640.jpg", url);
        assertEquals(fingerprint, ProductImage.fingerprint(42, "Bamboo Toothbrush", "personal-care", 71));
        assertNotEquals(fingerprint, ProductImage.fingerprint(42, "Bamboo Toothbrushes", "personal-care", 71));
        assertNotEquals(fingerprint, ProductImage.fingerprint(42, "Bamboo Toothbrush", "personal-care", 72));
        assertNotEquals(fingerprint, ProductImage.fingerprint(43, "Bamboo Toothbrush", "personal-care", 71));
    }

    @Test
    void onlyTheNamesOfDrawnWidthsAreRequests() {
        assertEquals(new ProductImage.Request(42, "0a1b2c3d", 320), ProductImage.parse("42.0a1b2c3d.w320.jpg"));
        assertNull(ProductImage.parse("42.0a1b2c3d.w333.jpg"), "a width not drawn");
        assertNull(ProductImage.parse("42.0A1B2C3D.w320.jpg"), "fingerprints are lower-case hex");
        assertNull(ProductImage.parse("42.0a1b2c3d.w320.png"));
        assertNull(ProductImage.parse("../42.0a1b2c3d.w320.jpg"));
        assertNull(ProductImage.parse("1234567890123456789.0a1b2c3d.w320.jpg"), "no id beyond a long");
    }
}
