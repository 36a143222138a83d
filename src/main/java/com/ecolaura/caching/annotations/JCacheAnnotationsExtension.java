package com.ecolaura.caching.annotations;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Payara adds interceptors for the JSR-107 annotations to every application, backed by its
 * embedded Hazelcast. Left alone they would cache in Hazelcast, around ours; this vetoes them
 * (and their Hazelcast producers) so that the annotations are served by our Redis interceptors.
 * Payara's extension still registers the annotations as interceptor bindings, which ours use.
 */
public class JCacheAnnotationsExtension implements Extension {

    static final String PAYARA_JSR107 = "fish.payara.cdi.jsr107.";

    <T> void vetoPayaraInterceptors(@Observes ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().getJavaClass().getName().startsWith(PAYARA_JSR107)) {
            type.veto();
        }
    }
}
