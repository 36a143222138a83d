package com.ecolaura.caching.entity;

import java.util.Arrays;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The key JSR-107 defines for an annotated method: its key parameters, in order, compared by value.
 * The annotations store under it, and code reading the same cache through the JCache API finds an
 * entry with {@code cache.get(new DefaultGeneratedCacheKey(42L))}. In Redis it is readable: the
 * parameter itself ({@code 42}), or the parameters joined ({@code bamboo:kitchen:0}).
 */
public final class DefaultGeneratedCacheKey implements GeneratedCacheKey {

    private static final long serialVersionUID = 1L;

    private final Object[] parameters;
    private final int hash;

    public DefaultGeneratedCacheKey(Object... parameters) {
        this.parameters = parameters.clone();
        this.hash = Arrays.deepHashCode(this.parameters);
    }

    public Object[] parameters() {
        return parameters.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DefaultGeneratedCacheKey that
                && hash == that.hash
                && Arrays.deepEquals(parameters, that.parameters);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(parameters);
    }
}
