package com.ecolaura.catalog.control;

import com.ecolaura.catalog.control.ReferenceData.CategorySeed;
import com.ecolaura.catalog.entity.Category;
import com.ecolaura.catalog.entity.Packaging;
import com.ecolaura.catalog.entity.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generates sample product number {@code n} the same way every time (its own seeded random), so
 * that any chunk of a catalog of any size can be written independently and reproduced exactly.
 */
public final class SampleProducts {

    private static final List<String> ADJECTIVES = List.of(
            "Reusable",
            "Organic",
            "Zero-Waste",
            "Upcycled",
            "Compostable",
            "Fair",
            "Natural",
            "Refillable",
            "Plastic-Free",
            "Handmade",
            "Vegan",
            "Solar");
    private static final List<String> BRANDS = List.of(
            "Verdana",
            "Terra & Co",
            "Leaf Labs",
            "Nordic Moss",
            "Bluewater",
            "Kind Goods",
            "Oakroot",
            "Sunbeam",
            "Wildflax",
            "Greenhive",
            "Pure Earth",
            "Ecotide",
            "Fernway",
            "Seedling",
            "Cloudberry",
            "Hempworks",
            "Willow & Wren",
            "Stonebridge",
            "Riverlane",
            "Bright Soil");
    private static final List<String> COUNTRIES =
            List.of("DE", "FR", "PT", "ES", "IT", "NL", "SE", "DK", "PL", "IN", "VN", "KE", "PE", "US", "CA", "JP");
    private static final Packaging[] PACKAGINGS = Packaging.values();

    private final Map<String, Integer> ratings = ReferenceData.MATERIALS.stream()
            .collect(Collectors.toMap(ReferenceData.MaterialSeed::material, ReferenceData.MaterialSeed::rating));
    private final Map<String, Integer> weights = ReferenceData.CERTIFICATIONS.stream()
            .collect(Collectors.toMap(ReferenceData.CertificationSeed::code, ReferenceData.CertificationSeed::weight));

    public Product product(int n, Map<String, Category> categories) {
        var random = new Random(0x5eedL * 1_000_003L + n);
        var seed = ReferenceData.CATEGORIES.get(random.nextInt(ReferenceData.CATEGORIES.size()));
        String adjective = pick(random, ADJECTIVES);
        String noun = pick(random, seed.nouns());
        List<String> materials = materials(random, seed);
        List<String> certifications = certifications(random);

        var product = new Product();
        product.setSku(String.format("ECO-%07d", n));
        product.setName(adjective + " " + capitalized(materials.get(0)) + " " + noun);
        product.setCategory(categories.get(seed.slug()));
        product.setBrand(pick(random, BRANDS));
        product.setPrice(seed.typicalPrice()
                .multiply(BigDecimal.valueOf(0.4 + random.nextDouble() * 2.2))
                .setScale(2, RoundingMode.HALF_UP));
        product.setCurrency("EUR");
        product.setStock(random.nextInt(500));
        product.setMaterials(materials);
        product.setCertifications(certifications);
        product.setCarbonFootprintKg(seed.typicalFootprintKg()
                .multiply(BigDecimal.valueOf(0.15 + random.nextDouble() * 1.7))
                .setScale(3, RoundingMode.HALF_UP));
        product.setRecycledContentPercent(random.nextInt(21) * 5);
        product.setPackaging(PACKAGINGS[random.nextInt(PACKAGINGS.length)]);
        product.setOriginCountry(pick(random, COUNTRIES));
        product.setDescription(String.format(
                "A %s %s made from %s%s. Ships %s; made in %s.",
                adjective.toLowerCase(),
                noun.toLowerCase(),
                String.join(" and ", materials),
                certifications.isEmpty() ? "" : ", certified " + String.join(", ", certifications),
                product.getPackaging().name().toLowerCase().replace('_', '-') + " packed",
                product.getOriginCountry()));
        product.setEcoScore(SustainabilityFormula.components(
                        materials.stream().map(ratings::get).toList(),
                        0,
                        certifications.stream().mapToInt(weights::get).sum(),
                        product.getCarbonFootprintKg(),
                        seed.typicalFootprintKg(),
                        product.getPackaging(),
                        product.getRecycledContentPercent())
                .score());
        product.touch();
        return product;
    }

    private static List<String> materials(Random random, CategorySeed seed) {
        var pool = new ArrayList<>(seed.materials());
        var chosen = new ArrayList<String>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private static List<String> certifications(Random random) {
        var pool = new ArrayList<>(ReferenceData.CERTIFICATIONS);
        var chosen = new ArrayList<String>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())).code());
        }
        return chosen;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalized(String material) {
        var words = material.split(" ");
        var out = new StringBuilder();
        for (String word : words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.equals("fsc") ? "FSC" : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
