package com.ecolaura.storefront.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Fingerprinted assets never change under their name: browsers and CDNs may keep them for a year.
 * A fingerprint this deployment does not have (a page kept from the one before asks for it) gets
 * the current asset of that name, revalidated rather than kept: the old page still works. Mapped to
 * {@code /assets/*} in {@code WEB-INF/web.xml}, which fixes the filters' order.
 */
public class AssetCaching extends HttpFilter {

    static final Pattern FINGERPRINTED = Pattern.compile(".*/([^/]+)\\.([0-9a-f]{8})\\.([a-z0-9]+)$");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var fingerprinted = FINGERPRINTED.matcher(request.getRequestURI());
        if (!fingerprinted.matches()) {
            response.setHeader("Cache-Control", "no-cache");
            chain.doFilter(request, response);
            return;
        }
        String asked =
                request.getRequestURI().substring(request.getContextPath().length());
        if (getServletContext().getResource(asked) != null) {
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            chain.doFilter(request, response);
            return;
        }
        String current = current(fingerprinted.group(1), fingerprinted.group(3));
        if (current == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        request.getRequestDispatcher(current).forward(request, response);
    }

    /** This deployment's {@code /assets/<name>.<fingerprint>.<extension>}, or null. */
    private String current(String name, String extension) {
        var paths = getServletContext().getResourcePaths("/assets/");
        if (paths == null) {
            return null;
        }
        for (String path : paths) {
            var candidate = FINGERPRINTED.matcher(path);
            if (candidate.matches()
                    && candidate.group(1).equals(name)
                    && candidate.group(3).equals(extension)) {
                return path;
            }
        }
        return null;
    }
}
