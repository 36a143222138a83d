package com.ecolaura.problems.entity;

import java.util.List;

/** A request refused, with every reason found: a 400 problem with an {@code errors} list. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<RequestError> errors;

    public InvalidRequestException(List<RequestError> errors) {
        super(
                errors.stream().allMatch(error -> error.pointer() == null)
                        ? "a parameter is not valid"
                        : "the body is not valid for this resource",
                null,
                false,
                false);
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String pointer, String detail) {
        this(List.of(new RequestError(pointer, detail)));
    }

    public static InvalidRequestException ofParameter(String name, String detail) {
        return new InvalidRequestException(List.of(RequestError.ofParameter(name, detail)));
    }

    public List<RequestError> errors() {
        return errors;
    }
}
