package com.ecolaura.problems.boundary;

import jakarta.json.Json;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures of parameters and bodies: 400 with one entry a violation. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        var violations = Json.createArrayBuilder();
        exception
                .getConstraintViolations()
                .forEach(violation -> violations.add(Json.createObjectBuilder()
                        .add("field", field(violation.getPropertyPath().toString()))
                        .add("message", violation.getMessage())));
        return Problems.withViolations(400, "the request is not valid", violations);
    }

    /** {@code update.arg1.price} → {@code price}: the client knows fields, not our method names. */
    static String field(String path) {
        String[] nodes = path.split("\\.");
        int start = nodes.length > 2 ? 2 : nodes.length - 1;
        return String.join(".", java.util.Arrays.copyOfRange(nodes, start, nodes.length));
    }
}
