package com.ecolaura.catalog.entity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields a client asked for ({@code ?fields=name,price}), each served from the part of the
 * product that holds it: stable details or the volatile offer. Fields come back in the order of the
 * full representation.
 */
public record FieldSelection(List<String> fields) {

    private static final Map<String, Function<ProductDetails, Object>> DETAILS = new LinkedHashMap<>();
    private static final Map<String, Function<ProductOffer, Object>> OFFER = new LinkedHashMap<>();

    static {
        DETAILS.put("id", ProductDetails::id);
        DETAILS.put("sku", ProductDetails::sku);
        DETAILS.put("name", ProductDetails::name);
        DETAILS.put("description", ProductDetails::description);
        DETAILS.put("category", ProductDetails::category);
        DETAILS.put("brand", ProductDetails::brand);
        OFFER.put("price", ProductOffer::price);
        OFFER.put("currency", ProductOffer::currency);
        OFFER.put("stock", ProductOffer::stock);
        DETAILS.put("materials", ProductDetails::materials);
        DETAILS.put("certifications", ProductDetails::certifications);
        DETAILS.put("carbonFootprintKg", ProductDetails::carbonFootprintKg);
        DETAILS.put("recycledContentPercent", ProductDetails::recycledContentPercent);
        DETAILS.put("packaging", ProductDetails::packaging);
        DETAILS.put("originCountry", ProductDetails::originCountry);
        DETAILS.put("ecoScore", ProductDetails::ecoScore);
        DETAILS.put("imageUrl", ProductImage::url);
        OFFER.put("version", ProductOffer::version);
        OFFER.put("updatedAt", ProductOffer::updatedAt);
    }

    /** The order of {@link ProductView}'s fields. */
    private static final List<String> ORDER = Arrays.stream(ProductView.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .toList();

    /**
     * @param parameter comma-separated field names, as the query parameter gives them
     * @throws IllegalArgumentException naming what is wrong: empty, or a field the product has not
     */
    public static FieldSelection parse(String parameter) {
        var asked = new LinkedHashSet<String>();
        for (String field : parameter.split(",", -1)) {
            String name = field.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("fields must be a comma-separated list of field names");
            }
            if (!ORDER.contains(name)) {
                throw new IllegalArgumentException(
                        "fields names a field a product has not; its fields: " + String.join(",", ORDER));
            }
            asked.add(name);
        }
        return new FieldSelection(ORDER.stream().filter(asked::contains).toList());
    }

    public boolean needsDetails() {
        return fields.stream().anyMatch(DETAILS::containsKey);
    }

    public boolean needsOffer() {
        return fields.stream().anyMatch(OFFER::containsKey);
    }

    /** The asked fields' values; a part not needed may be null. */
    public Map<String, Object> of(ProductDetails details, ProductOffer offer) {
        var values = new LinkedHashMap<String, Object>();
        for (String field : fields) {
            values.put(
                    field,
                    DETAILS.containsKey(field)
                            ? DETAILS.get(field).apply(details)
                            : OFFER.get(field).apply(offer));
        }
        return values;
    }
}
