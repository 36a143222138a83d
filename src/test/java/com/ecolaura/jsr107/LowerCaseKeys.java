package com.ecolaura.jsr107;

import com.ecolaura.caching.entity.DefaultGeneratedCacheKey;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.GeneratedCacheKey;

/** A custom key generator: keys ignore case. Not a CDI bean (made by its constructor, as the specification allows). */
public class LowerCaseKeys implements CacheKeyGenerator {

    @Override
    public GeneratedCacheKey generateCacheKey(CacheKeyInvocationContext<? extends Annotation> context) {
        return new DefaultGeneratedCacheKey(Arrays.stream(context.getKeyParameters())
                .map(CacheInvocationParameter::getValue)
                .map(value -> String.valueOf(value).toLowerCase(java.util.Locale.ROOT))
                .toArray());
    }
}
