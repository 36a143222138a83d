package com.ecolaura.caching.annotations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ExceptionFilterTest {

    @SuppressWarnings("unchecked")
    static Class<? extends Throwable>[] types(Class<?>... types) {
        return (Class<? extends Throwable>[]) types;
    }

    @Test
    void withNoListsNoExceptionCounts() {
        assertFalse(ExceptionFilter.includes(new IllegalStateException(), types(), types()));
    }

    @Test
    void includedUnlessExcluded() {
        var included = types(RuntimeException.class);
        assertTrue(ExceptionFilter.includes(new IllegalStateException(), included, types()));
        assertFalse(
                ExceptionFilter.includes(new IllegalStateException(), included, types(IllegalStateException.class)));
        assertFalse(ExceptionFilter.includes(new IOException(), included, types()));
    }

    @Test
    void onlyExclusionsMeanEverythingElseCounts() {
        var excluded = types(UncheckedIOException.class);
        assertTrue(ExceptionFilter.includes(new IllegalStateException(), types(), excluded));
        assertFalse(ExceptionFilter.includes(new UncheckedIOException(new IOException()), types(), excluded));
    }
}
