package com.ecolaura.caching.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;

/** What a servlet on a hot path reads of a GET's conditions, where JAX-RS is not there to do it. */
final class ServletConditions {

    private ServletConditions() {}

    /** A GET for JSON with no condition but If-None-Match. */
    static boolean plainJsonGet(HttpServletRequest request) {
        if (request.getHeader("If-Match") != null
                || request.getHeader("If-Modified-Since") != null
                || request.getHeader("If-Unmodified-Since") != null
                || request.getHeader("If-Range") != null
                || request.getHeader("Range") != null) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null
                || accept.contains("*/*")
                || accept.contains("application/*")
                || accept.contains(MediaType.APPLICATION_JSON);
    }

    /** If-None-Match, compared weakly (RFC 9110 13.1.2): does any of its tags, or *, match? */
    static boolean ifNoneMatchHas(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String stripped = candidate.strip();
            if (stripped.startsWith("W/")) {
                stripped = stripped.substring(2);
            }
            if (stripped.equals("*") || stripped.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
