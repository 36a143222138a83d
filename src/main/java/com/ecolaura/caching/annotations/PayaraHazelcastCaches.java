package com.ecolaura.caching.annotations;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.lang.System.Logger.Level;
import java.util.Collection;
import javax.naming.InitialContext;
import javax.naming.NamingException;

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

    void register(@Observes Startup startup) {
        try {
            Object hazelcast = new InitialContext().lookup("payara/Hazelcast");
            CacheMetrics.gauge(Gauge.HAZELCAST_ENTRIES, null, () -> entries(hazelcast));
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
