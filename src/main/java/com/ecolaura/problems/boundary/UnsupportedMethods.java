package com.ecolaura.problems.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * On pages and assets, a method the shop has no use for (PATCH, TRACE, WebDAV's …) is a 405 problem.
 * Without this the servlet container answered PATCH on a page or an asset with a 501 and an HTML
 * error page. The API's resources answer every method themselves: JAX-RS knows which each one
 * allows, and says so in {@code Allow} (on {@code OPTIONS}, and with its 405 problems). Mapped to
 * every path in {@code WEB-INF/web.xml}, which fixes the filters' order.
 */
public class UnsupportedMethods extends HttpFilter {

    private static final String API = "/api/";

    private static final Set<String> USED = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (USED.contains(request.getMethod()) || request.getRequestURI().startsWith(API)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Allow", String.join(", ", USED));
        Problems.write(
                response,
                HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "the method " + request.getMethod().replaceAll("[^A-Z-]", "") + " is not used here");
    }
}
