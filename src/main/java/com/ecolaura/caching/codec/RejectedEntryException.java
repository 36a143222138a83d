package com.ecolaura.caching.codec;

/** A cache entry that is not a value of the expected type: treated as a miss and evicted. */
public class RejectedEntryException extends RuntimeException {

    public RejectedEntryException(String reason) {
        super(reason, null, false, false);
    }

    /** The rejection behind a failed cache call, if a codec refused what Redis returned. */
    public static java.util.Optional<RejectedEntryException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RejectedEntryException rejected) {
                return java.util.Optional.of(rejected);
            }
        }
        return java.util.Optional.empty();
    }
}
