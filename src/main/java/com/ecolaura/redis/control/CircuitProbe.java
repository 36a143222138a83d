package com.ecolaura.redis.control;

import com.ecolaura.background.control.Repeating;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.client.codec.StringCodec;

/**
 * Brings Redis back after an outage without serving what the outage left stale. Every
 * {@code ecolaura.redis.circuit.probe-interval} (1 s) while the {@link RedisCircuit} is open it
 * probes Redis; once Redis answers it fires {@link RedisRecovery}, whose observers replay what Redis
 * missed, and closes the circuit only when all of them managed. While the circuit is closed the same
 * event lets them replay what a single failed call left behind.
 */
@ApplicationScoped
public class CircuitProbe {

    private static final System.Logger LOG = System.getLogger(CircuitProbe.class.getName());
    private static final String PROBE_KEY = "ecolaura:circuit:probe";

    @Inject
    Repeating ticking;

    @Inject
    Event<RedisRecovery> recovery;

    @Inject
    @ConfigProperty(name = "ecolaura.redis.circuit.probe-interval", defaultValue = "PT1S")
    Duration interval;

    /** Also with caching off: sessions live in Redis and go through the same circuit. */
    void start(@Observes Startup startup) {
        ticking.start(this::tick, interval);
    }

    void tick() {
        try {
            boolean open = RedisCircuit.isOpen();
            if (open && !answers()) {
                return;
            }
            var event = new RedisRecovery(open);
            recovery.fire(event);
            if (open && event.succeeded()) {
                RedisCircuit.close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cache recovery failed, retried at the next tick: {0}", e.toString());
        }
    }

    private static boolean answers() {
        return RedisGateway.instance().pastTheCircuit().run("probe", PROBE_KEY, redis -> redis.getBucket(
                        PROBE_KEY, StringCodec.INSTANCE)
                .isExists());
    }
}
