package com.ecolaura.problems.boundary;

import com.ecolaura.problems.entity.RequestError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/**
 * Bean Validation failures of parameters and bodies: 400 with one entry a violation, a body's named
 * by its JSON pointer ({@code /materials/3}), a parameter's by its name: the client knows its body
 * and its parameters, not our method names.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        var errors = exception.getConstraintViolations().stream()
                .map(ConstraintViolationMapper::error)
                .sorted(Comparator.comparing(RequestError::where))
                .toList();
        return Problems.withErrors(400, "the request is not valid", errors);
    }

    static RequestError error(ConstraintViolation<?> violation) {
        var pointer = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.isInIterable() && node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                pointer.append('/').append(node.getName());
            }
        }
        if (pointer.isEmpty() && parameter != null) {
            return RequestError.ofParameter(parameter, violation.getMessage());
        }
        return new RequestError(pointer.toString(), violation.getMessage());
    }
}
