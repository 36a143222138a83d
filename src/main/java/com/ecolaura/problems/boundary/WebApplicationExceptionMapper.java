package com.ecolaura.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The HTTP errors the application and JAX-RS raise on purpose (400, 404, 405, 409, 415 …), as
 * problem details.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public jakarta.ws.rs.core.Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String detail = ownMessage(exception) ? exception.getMessage() : null;
        var response = Problems.of(status, detail);
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        return response;
    }

    /** Jersey's own messages ("HTTP 404 Not Found") and anything naming code stay out of the body. */
    private static boolean ownMessage(WebApplicationException exception) {
        String message = exception.getMessage();
        return message != null
                && !message.startsWith("HTTP ")
                && !message.contains("Exception")
                && !message.contains("java.")
                && !message.contains("com.");
    }
}
