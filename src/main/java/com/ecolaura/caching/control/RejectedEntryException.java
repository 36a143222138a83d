package com.ecolaura.caching.control;

/** A cache entry that is not a value of the expected type: treated as a miss and evicted. */
public class RejectedEntryException extends RuntimeException {

    public RejectedEntryException(String reason) {
        super(reason, null, false, false);
    }
}
