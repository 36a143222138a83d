package com.ecolaura.catalog.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a product's picture is: {@code /images/products/42.3fa9c0d1.w640.jpg}. The picture is drawn
 * from the product's id, name, category and score, so the fingerprint is the hash of those (and of
 * the drawing's {@link #STYLE}): a change that alters the picture gives it a new name, and a name
 * never changes what it serves, which lets browsers and edges keep it for a year.
 */
public final class ProductImage {

    /** The widths drawn (the storefront's srcset); {@link #DEFAULT_WIDTH} is imageUrl's. */
    public static final List<Integer> WIDTHS = List.of(160, 320, 640);

    public static final int DEFAULT_WIDTH = 640;
    /** Bumped when the drawing changes, so that every picture gets a new name. */
    public static final int STYLE = 1;

    public static final String PATH = "/images/products/";
    private static final Pattern NAME = Pattern.compile("(\\d{1,18})\\.([0-9a-f]{8})\\.w(\\d{2,4})\\.jpg");

    /** A request for a picture: which product, the fingerprint asked for, and how wide. */
    public record Request(long productId, String fingerprint, int width) {}

    private ProductImage() {}

    public static String url(ProductDetails product) {
        return url(product.id(), product.name(), product.category(), product.ecoScore());
    }

    public static String url(long id, String name, String category, int ecoScore) {
        return PATH + id + "." + fingerprint(id, name, category, ecoScore) + ".w" + DEFAULT_WIDTH + ".jpg";
    }

    public static String fingerprint(long id, String name, String category, int ecoScore) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((STYLE + "|" + id + "|" + name + "|" + category + "|" + ecoScore)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request a file name makes, or null when it is no picture's name or no width drawn. */
    public static Request parse(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return null;
        }
        int width = Integer.parseInt(matcher.group(3));
        if (!WIDTHS.contains(width)) {
            return null;
        }
        return new Request(Long.parseLong(matcher.group(1)), matcher.group(2), width);
    }
}
