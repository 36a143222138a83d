package com.ecolaura.changes.entity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A PostgreSQL snapshot as {@code pg_current_snapshot()} prints it, {@code xmin:xmax:running,…}
 * (64-bit transaction ids): a transaction below {@code xmin} is done, one from {@code xmax} on has not
 * finished, and of those between, all but the listed running ones are done.
 */
public record TransactionSnapshot(long xmin, long xmax, Set<Long> running) {

    public TransactionSnapshot {
        running = Set.copyOf(running);
    }

    public static TransactionSnapshot parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a snapshot: " + text);
        }
        Set<Long> running = parts[2].isEmpty()
                ? Set.of()
                : Arrays.stream(parts[2].split(",")).map(Long::valueOf).collect(Collectors.toSet());
        return new TransactionSnapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), running);
    }

    /**
     * Whether this snapshot sees a committed transaction known by the low 32 bits of its id, as the
     * change stream sends it: the id is taken as the one with those bits nearest to {@code xmax} (a
     * transaction just committed is, by far).
     */
    public boolean sees(int xid) {
        long id = xmax + (int) (xid - (int) xmax);
        return id < xmin || (id < xmax && !running.contains(id));
    }
}
