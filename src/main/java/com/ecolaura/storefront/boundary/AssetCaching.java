package com.ecolaura.storefront.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/** Fingerprinted assets never change under their name: browsers and CDNs may keep them for a year. */
@WebFilter("/assets/*")
public class AssetCaching extends HttpFilter {

    static final Pattern FINGERPRINTED = Pattern.compile(".*\\.[0-9a-f]{8}\\.[a-z0-9]+$");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean fingerprinted = FINGERPRINTED.matcher(request.getRequestURI()).matches();
        response.setHeader("Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "no-cache");
        chain.doFilter(request, response);
    }
}
