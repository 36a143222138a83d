package com.ecolaura.jsr107;

import jakarta.enterprise.inject.spi.CDI;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.BeanProvider;

/** The JSR-107 TCK's way to its annotated beans, here CDI's: counted, so that a test sees the TCK really ran them. */
public class CdiBeanProvider implements BeanProvider {

    static final AtomicInteger LOOKUPS = new AtomicInteger();

    @Override
    public <T> T getBeanByType(Class<T> type) {
        LOOKUPS.incrementAndGet();
        return CDI.current().select(type).get();
    }
}
