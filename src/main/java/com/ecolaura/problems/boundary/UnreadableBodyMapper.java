package com.ecolaura.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Malformed JSON, wrong types, unknown fields: 400, without the parser's internals. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problems.of(
                400,
                "the body is not valid JSON for this resource"
                        + " (check the syntax, the field names and the value types)");
    }
}
