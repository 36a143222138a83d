package com.ecolaura.problems.boundary;

import com.ecolaura.problems.entity.InvalidRequestException;

/**
 * Parses path and query parameters into numbers with a 400 for bad input (JAX-RS would answer a
 * non-numeric {@code int} parameter with 404).
 */
public final class Parameters {

    private Parameters() {}

    /** A positive id in its one canonical form: digits only (no sign, spaces or leading '+'). */
    public static long id(String name, String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw InvalidRequestException.ofParameter(name, "must be a positive whole number");
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.ofParameter(name, "must be a positive whole number");
    }

    public static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.ofParameter(name, "must be a whole number from " + min + " to " + max);
    }

    public static Integer optionalNumber(String name, String value, int min, int max) {
        return value == null || value.isBlank() ? null : number(name, value, min, min, max);
    }

    public static String text(String name, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw InvalidRequestException.ofParameter(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }
}
