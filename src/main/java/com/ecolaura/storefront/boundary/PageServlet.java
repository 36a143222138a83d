package com.ecolaura.storefront.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTML pages, with a strong ETag. They are shells (every product, price and list comes from the
 * API), so browsers may keep the storefront's for {@code ecolaura.http.page-max-age} (60 s; 0:
 * always revalidated)
 * and a repeat view starts without a round trip. A page kept across a deployment names the assets
 * of the one before, which {@link AssetCaching} still answers. With {@code ecolaura.static.base-url}
 * (a CDN such as CloudFront) the pages load their fingerprinted assets from there.
 */
@WebServlet(urlPatterns = {"", "/index.html", "/admin/", "/admin/index.html"})
public class PageServlet extends HttpServlet {

    @Inject
    @ConfigProperty(name = "ecolaura.static.base-url")
    Optional<String> staticBaseUrl;

    @Inject
    @ConfigProperty(name = "ecolaura.http.page-max-age", defaultValue = "PT60S")
    Duration pageMaxAge;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    record Page(byte[] body, String etag) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath().startsWith("/admin") ? "/admin/index.html" : "/index.html";
        Page page = pages.computeIfAbsent(path, this::load);
        if (page == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // the dashboard is an administrator's, and always current
        long maxAge = path.startsWith("/admin") ? 0 : pageMaxAge.toSeconds();
        response.setHeader("Cache-Control", maxAge > 0 ? "max-age=" + maxAge : "no-cache");
        response.setHeader("ETag", page.etag());
        String clientTag = request.getHeader("If-None-Match");
        if (clientTag != null && clientTag.contains(page.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    private Page load(String path) {
        try (InputStream in = getServletContext().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String base = staticBaseUrl
                    .map(String::strip)
                    .filter(url -> !url.isEmpty())
                    .map(url -> url.replaceAll("/+$", "") + "/")
                    .orElse("");
            if (!base.isEmpty()) {
                html = html.replace("=\"assets/", "=\"" + base + "assets/")
                        .replace("=\"../assets/", "=\"" + base + "assets/");
            }
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            return new Page(
                    body,
                    "\""
                            + HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(body))
                                    .substring(0, 32)
                            + "\"");
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
