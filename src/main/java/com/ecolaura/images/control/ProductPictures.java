package com.ecolaura.images.control;

import com.ecolaura.catalog.entity.ProductDetails;
import com.ecolaura.catalog.entity.ProductImage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a product's picture (4:3, JPEG): the category's colour, leaves placed by the product's own
 * seed, and a ring that fills with its sustainability score. Shapes only, no text, so no font is
 * needed on the server. JPEG is what the JDK writes well; WebP and AVIF need native encoders,
 * which a WAR cannot load again after a redeploy (one class loader per native library and JVM).
 * Drawn pictures are kept in memory (weighed in bytes): the same name always draws the same bytes.
 */
@ApplicationScoped
public class ProductPictures {

    private static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final float QUALITY = 0.82f;

    private record Key(long id, String fingerprint, int width) {}

    private final Cache<Key, byte[]> drawn = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, byte[] bytes) -> bytes.length)
            .build();

    public byte[] jpeg(ProductDetails product, int width) {
        String fingerprint =
                ProductImage.fingerprint(product.id(), product.name(), product.category(), product.ecoScore());
        return drawn.get(new Key(product.id(), fingerprint, width), key -> encode(draw(product, width)));
    }

    static BufferedImage draw(ProductDetails product, int width) {
        int height = width * 3 / 4;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = (Math.floorMod(product.category().hashCode(), 360)) / 360f;
            g.setPaint(new GradientPaint(
                    0, 0, Color.getHSBColor(hue, 0.25f, 0.97f), width, height, Color.getHSBColor(hue, 0.45f, 0.80f)));
            g.fillRect(0, 0, width, height);
            var seed = new Random(product.id() * 31 + product.name().hashCode());
            for (int i = 0; i < 7; i++) {
                leaf(
                        g,
                        seed,
                        width,
                        height,
                        Color.getHSBColor((hue + 0.25f + seed.nextFloat() * 0.15f) % 1f, 0.55f, 0.55f));
            }
            ring(g, width, height, product.ecoScore());
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void leaf(Graphics2D g, Random seed, int width, int height, Color color) {
        double size = width * (0.12 + seed.nextDouble() * 0.18);
        double x = seed.nextDouble() * width;
        double y = seed.nextDouble() * height;
        var shape = new Path2D.Double();
        shape.moveTo(0, 0);
        shape.quadTo(size * 0.5, -size * 0.35, size, 0);
        shape.quadTo(size * 0.5, size * 0.35, 0, 0);
        var saved = g.getTransform();
        g.translate(x, y);
        g.rotate(seed.nextDouble() * Math.PI * 2);
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 190));
        g.fill(shape);
        g.setTransform(saved);
    }

    /** The score as a ring in the corner: full at 100. */
    private static void ring(Graphics2D g, int width, int height, int score) {
        double diameter = Math.min(width, height) * 0.28;
        double x = width - diameter - width * 0.05;
        double y = height - diameter - height * 0.06;
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(new Ellipse2D.Double(x, y, diameter, diameter));
        g.setStroke(new BasicStroke((float) (diameter * 0.14), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(47, 107, 59));
        double inset = diameter * 0.18;
        g.draw(new Arc2D.Double(
                x + inset,
                y + inset,
                diameter - 2 * inset,
                diameter - 2 * inset,
                90,
                -3.6 * Math.max(0, Math.min(100, score)),
                Arc2D.OPEN));
    }

    static byte[] encode(BufferedImage image) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(QUALITY);
            parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
