package com.ecolaura.caching.store;

import com.ecolaura.background.control.Repeating;
import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import com.ecolaura.redis.control.RedisCircuit;
import com.ecolaura.redis.control.RedisGateway;
import com.ecolaura.redis.control.SharedRedis;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RTopic;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;

/**
 * The near caches' invalidation channel in Redis ({@value NearCache#CHANNEL}): subscribed at start
 * (again every few seconds while Redis cannot be reached); each message drops an entry or a cache
 * from this instance's {@link NearCache}. The instance pulses the channel ({@link ChannelPulse}) on a
 * thread of its own, so that no other scheduled work delays the pulses. Pub/sub can lose messages
 * while a connection is down, so a lost connection, or an open circuit, suspends the near cache
 * until the channel is known to work again: a re-subscription, or a pulse sent since that came back.
 */
@ApplicationScoped
public class NearCacheChannel {

    private static final Duration RESUBSCRIBE_DELAY = Duration.ofSeconds(5);

    @Inject
    NearCache near;

    @Inject
    ChannelPulse pulse;

    @Inject
    RedisGateway redis;

    @Inject
    Repeating subscribing;

    @Resource
    ManagedThreadFactory threads;

    private volatile long suspendedAt = System.nanoTime();
    private volatile RTopic topic;
    private ScheduledExecutorService pulsing;

    void start(@Observes Startup startup) {
        if (!near.enabled() || pulsing != null) {
            return;
        }
        SharedRedis.onConnectionLost(this::suspend);
        // an open circuit means Redis stopped answering: invalidations may be lost as well
        RedisCircuit.onOpen(this::suspend);
        CacheMetrics.gauge(Gauge.NEAR_LISTENING, null, () -> near.listening() ? 1 : 0);
        CacheMetrics.gauge(Gauge.NEAR_LAG, null, pulse::lagSeconds);
        subscribing.start(this::subscribe, Duration.ZERO, RESUBSCRIBE_DELAY);
        pulsing = Executors.newSingleThreadScheduledExecutor(threads);
        long every = pulse.interval().toNanos();
        pulsing.scheduleAtFixedRate(this::pulse, every, every, TimeUnit.NANOSECONDS);
    }

    @PreDestroy
    void stop() {
        if (pulsing != null) {
            pulsing.shutdownNow();
        }
    }

    private void subscribe() {
        if (topic != null) {
            subscribing.stop();
            return;
        }
        var channel = redis.call(
                "subscribe",
                NearCache.CHANNEL,
                client -> subscribed(client.getTopic(NearCache.CHANNEL, StringCodec.INSTANCE)),
                null);
        if (channel != null) {
            topic = channel;
            near.listen();
        }
    }

    private RTopic subscribed(RTopic channel) {
        channel.addListener(String.class, this::receive);
        channel.addListener(new StatusListener() {
            @Override
            public void onSubscribe(String name) {
                near.listen(); // a re-subscription after a reconnect: messages may have been lost
            }

            @Override
            public void onUnsubscribe(String name) {
                suspend();
            }
        });
        return channel;
    }

    private void receive(CharSequence channel, String message) {
        String[] parts = message.split(NearCache.SEPARATOR, 3);
        if (parts.length < 2) {
            return;
        }
        boolean ours = near.origin().equals(parts[0]);
        if (ChannelPulse.isPulse(parts)) {
            if (ours && pulse.heard(parts) - suspendedAt > 0 && !near.listening()) {
                near.listen(); // a pulse sent since the last lost connection came back
            }
        } else if (!ours) {
            if (parts.length == 2) {
                near.dropAll(parts[1]);
            } else {
                near.drop(parts[1], parts[2]);
            }
        }
    }

    /** A connection was lost: messages may be lost with it, so nothing the near cache holds is trusted. */
    private void suspend() {
        suspendedAt = System.nanoTime();
        near.suspend();
    }

    /**
     * Sends a pulse when near reads want one, or while the near cache is suspended: after a lost
     * connection that was not the subscription's own (which re-subscribes, and says so), the
     * subscription may have lived on, and a pulse sent since that comes back proves it works.
     */
    private void pulse() {
        var channel = topic;
        if (channel == null || !redis.available()) {
            return; // not while the circuit is open: nothing to learn from a pulse not sent
        }
        String message = pulse.next(near.origin(), !near.listening());
        if (message != null) {
            redis.run("publish", NearCache.CHANNEL, client -> channel.publishAsync(message));
        }
    }
}
