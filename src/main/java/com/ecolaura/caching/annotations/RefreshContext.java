package com.ecolaura.caching.annotations;

import com.ecolaura.caching.store.Lease;

/** Marks a call made by a background refresh, with the lease it holds: its interceptor recomputes and writes under it. */
final class RefreshContext {

    private static final ThreadLocal<Lease.Granted> LEASE = new ThreadLocal<>();

    private RefreshContext() {}

    static void hold(Lease.Granted lease) {
        LEASE.set(lease);
    }

    /** The lease once, for the forced call: nested cached calls inside it are ordinary again. */
    static Lease.Granted consume() {
        var lease = LEASE.get();
        if (lease != null) {
            LEASE.remove();
        }
        return lease;
    }
}
