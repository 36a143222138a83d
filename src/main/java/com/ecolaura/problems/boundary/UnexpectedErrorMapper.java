package com.ecolaura.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * Anything else: a 500 that tells the client an incident id and nothing about our internals; the
 * stack trace goes to the log under the same id. Known kinds are unwrapped first, because EJB and
 * CDI layers may wrap them.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException known) {
                return new WebApplicationExceptionMapper().toResponse(known);
            }
            if (cause instanceof ConstraintViolationException violations) {
                return new ConstraintViolationMapper().toResponse(violations);
            }
            if (cause instanceof JsonbException unreadable) {
                return new UnreadableBodyMapper().toResponse(unreadable);
            }
            if (cause instanceof jakarta.persistence.OptimisticLockException) {
                return Problems.of(409, "the resource was changed concurrently; read it again and retry");
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "incident " + incident, exception);
        return Problems.of(500, "an internal error occurred (incident " + incident + ")");
    }
}
