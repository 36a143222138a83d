package com.ecolaura.caching.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code If-Match}: the versions ({@code "v5"}) a write may apply to; {@code *} or none: any. */
public final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("\\s*\"v(\\d{1,18})\"\\s*");

    private IfMatch() {}

    public static Set<Long> versions(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Set.of();
        }
        var versions = new HashSet<Long>();
        for (String tag : header.split(",")) {
            var version = VERSION_TAG.matcher(tag);
            if (!version.matches()) {
                // a tag we never issued matches no version of ours (RFC 9110 13.1.1)
                throw new WebApplicationException(
                        "If-Match names no current version of this resource", Status.PRECONDITION_FAILED);
            }
            versions.add(Long.parseLong(version.group(1)));
        }
        return versions;
    }

    /**
     * The precondition of a write made from the representation at {@code current} (a merge patch):
     * 412 now if If-Match names other versions; else the write applies only to {@code current}, so a
     * change that lands in between makes it a 412 rather than a lost update.
     */
    public static Set<Long> onto(Set<Long> named, long current, String resource) {
        if (!named.isEmpty() && !named.contains(current)) {
            throw new WebApplicationException(
                    resource + " is at version " + current + ", not the one If-Match names",
                    Status.PRECONDITION_FAILED);
        }
        return Set.of(current);
    }
}
