package com.ecolaura.changes.control;

import com.ecolaura.changes.entity.CommittedChange;
import com.ecolaura.changes.entity.TransactionSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Holds the stream's transactions back until other sessions can see them. PostgreSQL sends a
 * transaction down the change stream once its commit is in the log, which can be a moment before
 * other sessions see it: the committing session has yet to leave the list of running transactions
 * (on two busy cores, long enough for a reader to come by). An eviction applied in that moment lets a
 * reader load the row as it was and cache it after the eviction, and nothing evicts it again; the
 * single flight's fence cannot tell, since the read began after the eviction. So a transaction is
 * applied once a new snapshot sees it: one query a batch, nearly always answered yes at once.
 */
final class CommitVisibility implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(1);

    private final Connection connection;
    private final Duration patience;

    /** {@code connection}: a plain one, not the stream's (a walsender runs no such query). */
    CommitVisibility(Connection connection, Duration patience) {
        this.connection = connection;
        this.patience = patience;
    }

    /**
     * Waits until a new snapshot sees every transaction that has something to invalidate; false if
     * some still were not seen after the patience (they are applied anyway: a stream stuck on one
     * would hold every later change back).
     */
    boolean await(List<CommittedChange> changes) throws SQLException {
        int[] xids = changes.stream()
                .filter(CommittedChange::needsApplying)
                .mapToInt(CommittedChange::xid)
                .toArray();
        if (xids.length == 0) {
            return true;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var snapshot = current();
            boolean seen = true;
            for (int xid : xids) {
                seen &= snapshot.sees(xid);
            }
            if (seen) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private TransactionSnapshot current() throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select pg_current_snapshot()::text")) {
            rows.next();
            return TransactionSnapshot.parse(rows.getString(1));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
