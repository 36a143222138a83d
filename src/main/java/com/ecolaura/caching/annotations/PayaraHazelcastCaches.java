package com.ecolaura.caching.annotations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Collection;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Watches that nothing is cached in Payara's embedded Hazelcast: its JSR-107 interceptors are
 * vetoed ({@link JCacheAnnotationsExtension}), and the gauge {@code ecolaura_cache_hazelcast_entries}
 * would show it if a Payara upgrade brought them back. Reflection, because Hazelcast is Payara's
 * internal library, not an API of ours.
 */
@ApplicationScoped
public class PayaraHazelcastCaches {

    private static final System.Logger LOG = System.getLogger(PayaraHazelcastCaches.class.getName());
    private static final String CACHE_SERVICE = "hz:impl:cacheService";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            Object hazelcast = new InitialContext().lookup("payara/Hazelcast");
            registry.gauge(
                    Metadata.builder()
                            .withName("ecolaura.cache.hazelcast.entries")
                            .withDescription(
                                    "Entries in Payara's Hazelcast JCache caches; 0 unless something bypasses Redis")
                            .build(),
                    hazelcast,
                    PayaraHazelcastCaches::entries);
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.INFO, "Payara's Hazelcast is not available here: {0}", e.toString());
        }
    }

    static long entries(Object hazelcast) {
        try {
            ClassLoader loader = hazelcast.getClass().getClassLoader();
            var instance = Class.forName("com.hazelcast.core.HazelcastInstance", false, loader);
            var distributed = Class.forName("com.hazelcast.core.DistributedObject", false, loader);
            var cache = Class.forName("com.hazelcast.cache.ICache", false, loader);
            long entries = 0;
            for (Object object :
                    (Collection<?>) instance.getMethod("getDistributedObjects").invoke(hazelcast)) {
                if (CACHE_SERVICE.equals(distributed.getMethod("getServiceName").invoke(object))
                        && cache.isInstance(object)) {
                    entries += ((Number) cache.getMethod("size").invoke(object)).longValue();
                }
            }
            return entries;
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }
}
