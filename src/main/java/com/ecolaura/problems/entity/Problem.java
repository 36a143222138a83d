package com.ecolaura.problems.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of every error the API answers ({@code application/problem+json}, RFC 9457), for the
 * OpenAPI document (the responses themselves are written by {@code Problems}); {@code errors} lists
 * what is wrong with a refused request. A class, not a record: Payara's OpenAPI scanner describes
 * a record as an empty object, and refers to a class only where {@code @Schema} marks it.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json)")
public class Problem {

    public String type;
    public String title;
    public int status;
    public String detail;
    public List<Error> errors;

    /** One thing wrong: a JSON pointer into the body, or a parameter's name, and why. */
    @Schema(name = "ProblemError", description = "Where (pointer or parameter) and why (detail)")
    public static class Error {
        public String pointer;
        public String parameter;
        public String detail;
    }
}
