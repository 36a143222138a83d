package com.ecolaura.caching.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServletConditionsTest {

    private static final String TAG = "\"v7\"";

    @Test
    void noHeaderMatchesNothing() {
        assertFalse(ServletConditions.ifNoneMatchHas(null, TAG));
    }

    @Test
    void anyTagOfTheListMatchesWeaklyAndStarMatchesAll() {
        assertTrue(ServletConditions.ifNoneMatchHas(TAG, TAG));
        assertTrue(ServletConditions.ifNoneMatchHas("\"v6\", W/\"v7\"", TAG));
        assertTrue(ServletConditions.ifNoneMatchHas("*", TAG));
    }

    @Test
    void anotherTagOrAnUnquotedOneDoesNotMatch() {
        assertFalse(ServletConditions.ifNoneMatchHas("\"v6\", \"v8\"", TAG));
        assertFalse(ServletConditions.ifNoneMatchHas("v7", TAG));
    }
}
