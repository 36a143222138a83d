package com.ecolaura.changes.control;

import com.ecolaura.changes.entity.CommittedChange;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * Follows the database's change stream (pgjdbc's replication API, {@code pgoutput}) and applies each
 * outside transaction, in commit order, once committed. One instance follows at a time: PostgreSQL
 * lets one session use a slot, so the others wait and take over when its session ends (the
 * follower's process died, or the server noticed it stopped answering). The slot keeps the position
 * confirmed after each transaction was applied, so a restart resumes where the last follower
 * stopped. A slot that disappeared (dropped, lost with the server) is made anew and, because
 * changes may have gone by meanwhile, every cache the database feeds is cleared.
 */
@ApplicationScoped
public class ChangeStream {

    private static final System.Logger LOG = System.getLogger(ChangeStream.class.getName());
    private static final Duration POLL = Duration.ofMillis(5);
    private static final int MOST_AT_ONCE = 1000;

    /** How long a transaction the stream sent may stay invisible to other sessions before it is applied anyway. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);

    @Inject
    StreamSettings settings;

    @Inject
    ChangeApplier applier;

    @Inject
    ReplicationSlots slots;

    @Inject
    StreamStatus status;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private volatile Connection current;
    private Thread follower;

    synchronized void start(@Observes Startup startup) {
        if (follower != null) {
            return; // Payara Micro has been seen to deliver Startup twice
        }
        status.register();
        String off = settings.offReason();
        if (off != null) {
            off("off: " + off);
            return;
        }
        running = true;
        status.enabled(true);
        follower = threads.newThread(this::follow);
        follower.setName("ecolaura-changes");
        follower.start();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        status.notFollowing("stopped");
        OwnWriteMarks.deactivate();
        closeQuietly(current);
        if (follower != null) {
            follower.interrupt();
        }
    }

    private void follow() {
        boolean warned = false;
        while (running) {
            try {
                String unusable = slots.unusableBecause();
                if (unusable != null) {
                    off("off: " + unusable);
                    running = false;
                    status.enabled(false);
                    return;
                }
                followOnce();
                warned = false;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                status.notFollowing("retrying: " + e.getMessage());
                // a standby instance sees "slot is active" every retry: once is enough
                LOG.log(warned ? Level.DEBUG : Level.WARNING, "change stream: {0}; retrying", e.getMessage());
                warned = true;
            }
            pause(settings.retryInterval());
        }
    }

    private void followOnce() throws SQLException {
        var slot = slots.find();
        if (slot.active()) {
            standby(slot.name());
            return;
        }
        try (var connection = settings.connect(true);
                var visibility = new CommitVisibility(settings.connect(false), VISIBLE_WITHIN)) {
            current = connection;
            var stream = slots.stream(connection, slot);
            if (!slot.exists() && slots.hadOneBefore(slot.name())) {
                status.gap();
                applier.clearAll("the change stream's slot " + slot.name() + " was lost and made anew");
            }
            slots.remember(slot.name());
            status.following(slot.name());
            LOG.log(
                    Level.INFO,
                    "change stream: following slot {0}, publication {1}",
                    slot.name(),
                    settings.publication());
            consume(stream, visibility);
        } finally {
            status.notFollowing("reconnecting");
            current = null;
        }
    }

    /**
     * Reads what the server has sent; transactions that arrived together (a batch job committing row
     * by row) are applied together once nothing more is waiting, or every {@value #MOST_AT_ONCE}: the
     * stream keeps up with a flood, and a lone transaction is applied as soon as it is read.
     */
    private void consume(PGReplicationStream stream, CommitVisibility visibility) throws SQLException {
        var decoder = new PgOutputDecoder();
        var assembler = new TransactionAssembler();
        var arrived = new ArrayList<CommittedChange>();
        LogSequenceNumber confirmed = LogSequenceNumber.INVALID_LSN;
        while (running) {
            ByteBuffer message = stream.readPending();
            if (message == null) {
                if (!arrived.isEmpty()) {
                    confirmed = apply(stream, arrived, visibility);
                    continue;
                }
                // between transactions everything received is applied: what the server skipped
                // (tables outside the publication) needs no keeping either
                var received = stream.getLastReceiveLSN();
                if (assembler.idle() && received.asLong() > confirmed.asLong()) {
                    confirm(stream, received);
                    confirmed = received;
                }
                pause(POLL);
                continue;
            }
            assembler.accept(decoder.decode(message)).ifPresent(arrived::add);
            if (arrived.size() >= MOST_AT_ONCE) {
                confirmed = apply(stream, arrived, visibility);
            }
        }
    }

    /**
     * Applies what arrived once other sessions can see it ({@link CommitVisibility}), then confirms
     * its end to the slot. What cannot be applied (a cache call that threw instead of failing open)
     * clears everything instead: retrying it would stop the stream on it for good. A database that
     * cannot be asked about visibility ends this session of the stream: what arrived is not confirmed,
     * and comes again.
     */
    private LogSequenceNumber apply(
            PGReplicationStream stream, List<CommittedChange> arrived, CommitVisibility visibility)
            throws SQLException {
        if (!visibility.await(arrived)) {
            LOG.log(
                    Level.WARNING,
                    "change stream: transactions still not visible to other sessions {0} after their commit"
                            + " arrived; applied anyway",
                    VISIBLE_WITHIN);
        }
        boolean invalidated;
        try {
            invalidated = applier.apply(arrived);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "change stream: transactions could not be applied; clearing instead", e);
            applier.clearAll("transactions the change stream could not apply");
            invalidated = true;
        }
        var first = arrived.get(0);
        var last = arrived.get(arrived.size() - 1);
        status.applied(first.committedAt(), last.committedAt(), invalidated);
        var end = LogSequenceNumber.valueOf(last.endLsn());
        confirm(stream, end);
        arrived.clear();
        return end;
    }

    private static void confirm(PGReplicationStream stream, LogSequenceNumber position) {
        stream.setAppliedLSN(position);
        stream.setFlushedLSN(position);
    }

    private void standby(String slot) {
        if (!status.standingBy()) {
            LOG.log(Level.INFO, "change stream: slot {0} is followed by another instance; standing by", slot);
        }
        status.notFollowing("standby: another instance follows slot " + slot);
    }

    private void off(String reason) {
        status.notFollowing(reason);
        LOG.log(Level.INFO, "change stream {0}", reason);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing to stop: nothing left to do with it
            }
        }
    }
}
