package com.ecolaura.images.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.catalog.entity.Packaging;
import com.ecolaura.catalog.entity.ProductDetails;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProductPicturesTest {

    private static ProductDetails product(long id, String name, int ecoScore) {
        return new ProductDetails(
                id,
                "ECO-" + id,
                name,
                "",
                "kitchen",
                "Verdana",
                List.of("bamboo"),
                List.of(),
                new BigDecimal("1.000"),
                50,
                Packaging.PLASTIC_FREE,
                "PT",
                ecoScore);
    }

    @Test
    void everyWidthIsAFourByThreeJpeg() throws Exception {
        var pictures = new ProductPictures();
        for (int width : List.of(160, 320, 640)) {
            byte[] jpeg = pictures.jpeg(product(7, "Bamboo Jar", 80), width);
            assertEquals((byte) 0xFF, jpeg[0]);
            assertEquals((byte) 0xD8, jpeg[1]);
            var image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertEquals(width, image.getWidth());
            assertEquals(width * 3 / 4, image.getHeight());
            assertTrue(jpeg.length < width * width / 4, width + " px in " + jpeg.length + " bytes");
        }
    }

    @Test
    void theSameProductDrawsTheSameBytesAndAnotherOneOtherBytes() {
        byte[] once = new ProductPictures().jpeg(product(7, "Bamboo Jar", 80), 320);
        byte[] again = new ProductPictures().jpeg(product(7, "Bamboo Jar", 80), 320);
        assertArrayEquals(once, again, "drawn again in another instance, byte for byte");
        assertFalse(Arrays.equals(once, new ProductPictures().jpeg(product(8, "Bamboo Jar", 80), 320)));
        assertFalse(Arrays.equals(once, new ProductPictures().jpeg(product(7, "Bamboo Jar", 20), 320)));
    }
}
