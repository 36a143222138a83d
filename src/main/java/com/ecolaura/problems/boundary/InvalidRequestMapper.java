package com.ecolaura.problems.boundary;

import com.ecolaura.problems.entity.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused body: 400, each reason with the JSON pointer it is about. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

    @Override
    public Response toResponse(InvalidRequestException exception) {
        return Problems.withErrors(400, exception.getMessage(), exception.errors());
    }
}
