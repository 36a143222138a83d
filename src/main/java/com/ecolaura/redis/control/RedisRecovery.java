package com.ecolaura.redis.control;

/**
 * Fired by the {@link CircuitProbe} each tick that Redis answers: observers put right what an
 * outage may have left stale (replay missed evictions, clear suspect regions) through {@link #redis()},
 * which reaches Redis past the open circuit, and say whether they could. The circuit closes only
 * once every observer managed.
 */
public final class RedisRecovery {

    private final boolean circuitOpen;
    private boolean failed;

    RedisRecovery(boolean circuitOpen) {
        this.circuitOpen = circuitOpen;
    }

    /** Whether the circuit is open (an outage is ending), rather than one failed call left work behind. */
    public boolean circuitOpen() {
        return circuitOpen;
    }

    public RedisGateway redis() {
        return RedisGateway.instance().pastTheCircuit();
    }

    /** An observer could not finish: the circuit stays open, and the next tick tries again. */
    public void failed() {
        failed = true;
    }

    boolean succeeded() {
        return !failed;
    }
}
