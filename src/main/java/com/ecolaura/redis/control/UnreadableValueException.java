package com.ecolaura.redis.control;

import java.util.Optional;

/**
 * Redis answered, with a value its reader refuses (a codec's verdict): not a failure of Redis, so
 * the gateway hands it to the caller instead of counting it against the circuit.
 */
public class UnreadableValueException extends RuntimeException {

    public UnreadableValueException(String reason) {
        super(reason, null, false, false);
    }

    /** The refusal behind a failed call, if a codec refused what Redis returned. */
    static Optional<UnreadableValueException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof UnreadableValueException unreadable) {
                return Optional.of(unreadable);
            }
        }
        return Optional.empty();
    }
}
