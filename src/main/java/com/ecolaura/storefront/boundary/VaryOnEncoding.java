package com.ecolaura.storefront.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Responses may be gzip-compressed by the listener (server-config/payara), which does not say so
 * in {@code Vary}; without it a shared cache could hand a compressed body to a client that cannot read it.
 * Mapped to every path in {@code WEB-INF/web.xml}, which fixes the filters' order.
 */
public class VaryOnEncoding extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.addHeader("Vary", "Accept-Encoding");
        chain.doFilter(request, response);
    }
}
