package com.ecolaura.problems.entity;

/**
 * One thing wrong with a request: where — a JSON {@code pointer} into the body ({@code ""} for the
 * whole body) or the name of a path or query {@code parameter} — and why.
 */
public record RequestError(String pointer, String parameter, String detail) {

    public RequestError(String pointer, String detail) {
        this(pointer, null, detail);
    }

    public static RequestError ofParameter(String name, String detail) {
        return new RequestError(null, name, detail);
    }

    /** For sorting: the pointer or the parameter. */
    public String where() {
        return pointer != null ? pointer : parameter;
    }
}
