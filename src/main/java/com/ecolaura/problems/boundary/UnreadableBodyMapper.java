package com.ecolaura.problems.boundary;

import com.ecolaura.problems.entity.RequestError;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body JSON-B could not bind after {@link JsonBodies} checked it: 400, without the parser's internals. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problems.withErrors(
                400,
                "the body is not valid for this resource",
                List.of(new RequestError("", "cannot be read as this resource's representation")));
    }
}
