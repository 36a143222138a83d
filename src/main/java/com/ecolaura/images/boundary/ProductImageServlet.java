package com.ecolaura.images.boundary;

import com.ecolaura.catalog.control.ProductParts;
import com.ecolaura.catalog.entity.ProductDetails;
import com.ecolaura.catalog.entity.ProductImage;
import com.ecolaura.images.control.ProductPictures;
import com.ecolaura.problems.boundary.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;

/**
 * Product pictures by their fingerprinted names ({@link ProductImage}): kept for a year by browsers
 * and edges, since a name never serves other bytes. A name whose fingerprint is out of date (the
 * product was renamed) redirects to the current one, briefly cacheable.
 */
@WebServlet("/images/products/*")
public class ProductImageServlet extends HttpServlet {

    @Inject
    ProductParts parts;

    @Inject
    ProductPictures pictures;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        var asked = ProductImage.parse(name);
        if (asked == null) {
            Problems.write(
                    response, 404, "no product picture is called " + name.substring(0, Math.min(name.length(), 80)));
            return;
        }
        ProductDetails product;
        try {
            product = parts.details(asked.productId());
        } catch (NotFoundException e) {
            Problems.write(response, 404, e.getMessage());
            return;
        }
        String current = ProductImage.fingerprint(product.id(), product.name(), product.category(), product.ecoScore());
        if (!current.equals(asked.fingerprint())) {
            response.setHeader("Cache-Control", "public, max-age=60");
            response.sendRedirect(ProductImage.PATH + product.id() + "." + current + ".w" + asked.width() + ".jpg");
            return;
        }
        String tag = "\"" + current + "-" + asked.width() + "\"";
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("ETag", tag);
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] jpeg = pictures.jpeg(product, asked.width());
        response.setContentType("image/jpeg");
        response.setContentLength(jpeg.length);
        response.getOutputStream().write(jpeg);
    }
}
