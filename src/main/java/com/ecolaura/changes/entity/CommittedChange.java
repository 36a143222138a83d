package com.ecolaura.changes.entity;

import java.time.Instant;
import java.util.List;

/**
 * One committed transaction's invalidations, in the order its rows were written. {@code xid}: its
 * transaction id (the low 32 bits, as the stream sends it). {@code ownWrite}: the shop wrote it, and
 * invalidated as it committed.
 */
public record CommittedChange(
        long endLsn, Instant committedAt, int xid, boolean ownWrite, List<Invalidation> invalidations) {

    public CommittedChange {
        invalidations = List.copyOf(invalidations);
    }

    /** Whether the stream has to invalidate for it: another writer's, and it touched a cached table. */
    public boolean needsApplying() {
        return !ownWrite && !invalidations.isEmpty();
    }
}
