package com.ecolaura.catalog.control;

import java.math.BigDecimal;
import java.util.List;

/** The fixed tables a fresh database starts with: categories, material and certification ratings. */
public final class ReferenceData {

    public record CategorySeed(
            String slug,
            String name,
            BigDecimal typicalFootprintKg,
            BigDecimal typicalPrice,
            List<String> nouns,
            List<String> materials) {}

    public record MaterialSeed(String material, int rating, boolean renewable) {}

    public record CertificationSeed(String code, String name, int weight) {}

    public static final List<CategorySeed> CATEGORIES = List.of(
            category(
                    "kitchen",
                    "Kitchen",
                    "4.2",
                    "24",
                    List.of("Cutting Board", "Utensil Set", "Food Wrap", "Water Bottle", "Lunch Box", "Straw Set"),
                    List.of("bamboo", "stainless steel", "beeswax", "glass", "fsc wood", "silicone")),
            category(
                    "home",
                    "Home",
                    "12.5",
                    "45",
                    List.of("Throw Blanket", "Candle", "Cushion Cover", "Storage Basket", "Vase", "Doormat"),
                    List.of("organic cotton", "linen", "soy wax", "jute", "ceramic", "recycled glass")),
            category(
                    "fashion",
                    "Fashion",
                    "9.8",
                    "59",
                    List.of("T-Shirt", "Hoodie", "Jeans", "Sneakers", "Socks", "Backpack"),
                    List.of("organic cotton", "hemp", "recycled polyester", "tencel", "natural rubber", "wool")),
            category(
                    "beauty",
                    "Beauty",
                    "1.6",
                    "18",
                    List.of("Shampoo Bar", "Face Serum", "Lip Balm", "Soap", "Deodorant", "Toothbrush"),
                    List.of("shea butter", "coconut oil", "bamboo", "aluminium", "glass", "beeswax")),
            category(
                    "baby",
                    "Baby",
                    "3.1",
                    "29",
                    List.of("Cloth Diaper", "Teether", "Onesie", "Baby Blanket", "Rattle", "Bib"),
                    List.of("organic cotton", "natural rubber", "bamboo", "fsc wood", "hemp", "wool")),
            category(
                    "garden",
                    "Garden",
                    "6.4",
                    "32",
                    List.of("Planter", "Compost Bin", "Seed Kit", "Watering Can", "Bird Feeder", "Garden Gloves"),
                    List.of(
                            "recycled plastic",
                            "fsc wood",
                            "terracotta",
                            "recycled aluminium",
                            "coir",
                            "natural rubber")),
            category(
                    "outdoor",
                    "Outdoor",
                    "15.0",
                    "79",
                    List.of("Tent", "Sleeping Bag", "Camping Mug", "Rain Jacket", "Hammock", "Trekking Pole"),
                    List.of(
                            "recycled nylon",
                            "recycled polyester",
                            "stainless steel",
                            "organic cotton",
                            "cork",
                            "recycled aluminium")),
            category(
                    "office",
                    "Office",
                    "2.8",
                    "15",
                    List.of("Notebook", "Pen Set", "Desk Organizer", "Laptop Stand", "Planner", "Pencil Case"),
                    List.of("recycled paper", "bamboo", "cork", "recycled aluminium", "fsc wood", "recycled plastic")),
            category(
                    "pets",
                    "Pets",
                    "3.9",
                    "21",
                    List.of("Dog Bed", "Cat Toy", "Leash", "Food Bowl", "Poop Bags", "Chew Toy"),
                    List.of(
                            "hemp",
                            "natural rubber",
                            "compostable plastic",
                            "organic cotton",
                            "stainless steel",
                            "jute")),
            category(
                    "electronics",
                    "Electronics",
                    "38.0",
                    "89",
                    List.of(
                            "Solar Charger",
                            "Phone Case",
                            "Bluetooth Speaker",
                            "Power Bank",
                            "Headphones",
                            "Desk Lamp"),
                    List.of(
                            "recycled aluminium",
                            "bamboo",
                            "recycled plastic",
                            "flax fibre",
                            "virgin plastic",
                            "glass")),
            category(
                    "food",
                    "Food",
                    "2.2",
                    "9",
                    List.of("Coffee Beans", "Tea Blend", "Chocolate Bar", "Granola", "Olive Oil", "Honey"),
                    List.of("compostable plastic", "glass", "recycled paper", "aluminium", "tin", "jute")),
            category(
                    "cleaning",
                    "Cleaning",
                    "1.9",
                    "12",
                    List.of(
                            "Dish Brush",
                            "Laundry Strips",
                            "Sponge Cloth",
                            "All-Purpose Refill",
                            "Scrub Pad",
                            "Soap Nuts"),
                    List.of("coconut fibre", "cellulose", "sisal", "glass", "recycled plastic", "fsc wood")));

    public static final List<MaterialSeed> MATERIALS = List.of(
            new MaterialSeed("bamboo", 90, true), new MaterialSeed("hemp", 92, true),
            new MaterialSeed("organic cotton", 84, true), new MaterialSeed("linen", 86, true),
            new MaterialSeed("cork", 88, true), new MaterialSeed("fsc wood", 83, true),
            new MaterialSeed("jute", 87, true), new MaterialSeed("sisal", 85, true),
            new MaterialSeed("coir", 86, true), new MaterialSeed("coconut fibre", 85, true),
            new MaterialSeed("flax fibre", 84, true), new MaterialSeed("tencel", 80, true),
            new MaterialSeed("cellulose", 78, true), new MaterialSeed("beeswax", 79, true),
            new MaterialSeed("soy wax", 74, true), new MaterialSeed("shea butter", 77, true),
            new MaterialSeed("coconut oil", 72, true), new MaterialSeed("natural rubber", 76, true),
            new MaterialSeed("wool", 68, true), new MaterialSeed("recycled paper", 82, false),
            new MaterialSeed("recycled glass", 80, false), new MaterialSeed("recycled aluminium", 78, false),
            new MaterialSeed("recycled polyester", 66, false), new MaterialSeed("recycled nylon", 64, false),
            new MaterialSeed("recycled plastic", 60, false), new MaterialSeed("compostable plastic", 62, true),
            new MaterialSeed("stainless steel", 70, false), new MaterialSeed("glass", 69, false),
            new MaterialSeed("terracotta", 71, false), new MaterialSeed("ceramic", 63, false),
            new MaterialSeed("tin", 58, false), new MaterialSeed("aluminium", 55, false),
            new MaterialSeed("silicone", 48, false), new MaterialSeed("virgin plastic", 12, false));

    public static final List<CertificationSeed> CERTIFICATIONS = List.of(
            new CertificationSeed("FSC", "Forest Stewardship Council", 20),
            new CertificationSeed("GOTS", "Global Organic Textile Standard", 25),
            new CertificationSeed("FAIRTRADE", "Fairtrade", 20),
            new CertificationSeed("B-CORP", "Certified B Corporation", 15),
            new CertificationSeed("C2C", "Cradle to Cradle Certified", 30),
            new CertificationSeed("EU-ECOLABEL", "EU Ecolabel", 20),
            new CertificationSeed("OEKO-TEX", "OEKO-TEX Standard 100", 10),
            new CertificationSeed("RAINFOREST", "Rainforest Alliance", 15),
            new CertificationSeed("ENERGY-STAR", "Energy Star", 10),
            new CertificationSeed("CLIMATE-NEUTRAL", "Climate Neutral Certified", 25));

    private ReferenceData() {}

    private static CategorySeed category(
            String slug, String name, String footprint, String price, List<String> nouns, List<String> materials) {
        return new CategorySeed(slug, name, new BigDecimal(footprint), new BigDecimal(price), nouns, materials);
    }
}
