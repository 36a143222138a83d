package com.ecolaura.storefront.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetFingerprinterTest {

    @Test
    void aChangedAssetGetsANewName() {
        String before = AssetFingerprinter.hashedName("app.js", "one".getBytes(StandardCharsets.UTF_8));
        String after = AssetFingerprinter.hashedName("app.js", "two".getBytes(StandardCharsets.UTF_8));
        assertTrue(before.matches("app\\.[0-9a-f]{8}\\.js"), before);
        assertNotEquals(before, after);
        assertEquals(before, AssetFingerprinter.hashedName("app.js", "one".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pagesLinkToTheFingerprintedNames(@TempDir Path folder) throws Exception {
        Path webapp = Files.createDirectories(folder.resolve("webapp/assets"));
        Files.writeString(webapp.resolve("app.css"), "body{}");
        Files.writeString(folder.resolve("webapp/index.html"), "<link href=\"assets/app.css\">");

        AssetFingerprinter.main(new String[] {
            folder.resolve("webapp").toString(), folder.resolve("out").toString()
        });

        String hashed = AssetFingerprinter.hashedName("app.css", "body{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("<link href=\"assets/" + hashed + "\">", Files.readString(folder.resolve("out/index.html")));
        assertEquals("body{}", Files.readString(folder.resolve("out/assets").resolve(hashed)));
        assertEquals(
                "x assets/other.js\"", AssetFingerprinter.relink("x assets/other.js\"", Map.of("app.css", hashed)));
    }
}
