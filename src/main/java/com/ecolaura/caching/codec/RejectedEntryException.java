package com.ecolaura.caching.codec;

import com.ecolaura.redis.control.UnreadableValueException;

/** A cache entry that is not a value of the expected type: treated as a miss and evicted. */
public class RejectedEntryException extends UnreadableValueException {

    public RejectedEntryException(String reason) {
        super(reason);
    }
}
