package com.ecolaura.redis.control;

import java.util.function.Consumer;
import java.util.function.Function;
import org.redisson.api.RedissonClient;

/**
 * The one way to Redis: every call the shop makes (caches, leases, fences, second-level regions,
 * sessions, trending, hot products, audit) goes through here, fail-open. A call is not tried while
 * the {@link RedisCircuit} is open; it is timed; a failure is logged (at most once a period),
 * counted against the circuit, and answered with the caller's fallback, so that the request goes on
 * without Redis. A value Redis returned that the reader refuses ({@link UnreadableValueException})
 * is not a failure of Redis: it reaches the caller.
 *
 * <p>One instance, reached statically by what CDI cannot inject (Hibernate's region factory) and
 * produced for injection everywhere else ({@link RedisLifecycle}).
 */
public final class RedisGateway {

    /** What a call did: the metrics listen (the gateway itself knows no metric). */
    public interface Calls {

        void succeeded(String operation, String target, long nanos);

        void failed(String operation, String target, RuntimeException failure);

        void skipped(String operation, String target);

        Calls NONE = new Calls() {
            @Override
            public void succeeded(String operation, String target, long nanos) {}

            @Override
            public void failed(String operation, String target, RuntimeException failure) {}

            @Override
            public void skipped(String operation, String target) {}
        };
    }

    private static final RedisGateway THROUGH_THE_CIRCUIT = new RedisGateway(true);
    private static final RedisGateway PAST_THE_CIRCUIT = new RedisGateway(false);
    private static volatile Calls calls = Calls.NONE;

    private final boolean checksCircuit;

    private RedisGateway(boolean checksCircuit) {
        this.checksCircuit = checksCircuit;
    }

    public static RedisGateway instance() {
        return THROUGH_THE_CIRCUIT;
    }

    /** Who hears of each call (the metrics, once they are registered). */
    public static void report(Calls listener) {
        calls = listener;
    }

    /** The result of the call, or the fallback when it was not tried or failed. */
    public <T> T call(String operation, String target, Function<RedissonClient, T> call, T fallback) {
        if (checksCircuit && RedisCircuit.isOpen()) {
            calls.skipped(operation, target);
            return fallback;
        }
        long started = System.nanoTime();
        try {
            T result = call.apply(SharedRedis.client());
            RedisCircuit.succeeded();
            calls.succeeded(operation, target, System.nanoTime() - started);
            return result;
        } catch (RuntimeException e) {
            var unreadable = UnreadableValueException.in(e);
            if (unreadable.isPresent()) {
                RedisCircuit.succeeded();
                throw unreadable.get();
            }
            calls.failed(operation, target, e);
            RedisFailures.record(operation, target, e);
            return fallback;
        }
    }

    /** Whether the call was made and succeeded. */
    public boolean run(String operation, String target, Consumer<RedissonClient> call) {
        return call(
                operation,
                target,
                client -> {
                    call.accept(client);
                    return Boolean.TRUE;
                },
                Boolean.FALSE);
    }

    /** Whether calls are tried now (the circuit is closed). */
    public boolean available() {
        return !checksCircuit || RedisCircuit.isClosed();
    }

    /**
     * The same gateway without the circuit check: for the recovery that must reach Redis while the
     * circuit is still open (replaying missed evictions before it closes).
     */
    public RedisGateway pastTheCircuit() {
        return PAST_THE_CIRCUIT;
    }
}
