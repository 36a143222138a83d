package com.ecolaura.changes.control;

import com.ecolaura.caching.metrics.CacheMetrics;
import com.ecolaura.caching.metrics.Gauge;
import com.ecolaura.changes.entity.CommittedChange;
import com.ecolaura.redis.control.RedisGateway;
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
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
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

    @Inject
    StreamSettings settings;

    @Inject
    ChangeApplier applier;

    @Resource
    ManagedThreadFactory threads;

    private final AtomicLong gaps = new AtomicLong();
    private volatile boolean running;
    private volatile boolean following;
    private volatile Connection current;
    private volatile double lagSeconds;
    private volatile Instant lastCommit;
    private volatile String state = "starting";
    private Thread follower;

    synchronized void start(@Observes Startup startup) {
        if (follower != null) {
            return; // Payara Micro has been seen to deliver Startup twice
        }
        CacheMetrics.gauge(Gauge.CHANGES_ENABLED, null, () -> running ? 1 : 0);
        CacheMetrics.gauge(Gauge.CHANGES_FOLLOWING, null, () -> following ? 1 : 0);
        CacheMetrics.gauge(Gauge.CHANGES_APPLIED, null, applier::applied);
        CacheMetrics.gauge(Gauge.CHANGES_OWN, null, applier::own);
        CacheMetrics.gauge(Gauge.CHANGES_UNMAPPED, null, applier::unmapped);
        CacheMetrics.gauge(Gauge.CHANGES_GAPS, null, gaps::get);
        CacheMetrics.gauge(Gauge.CHANGES_LAG, null, () -> lagSeconds);
        CacheMetrics.gauge(Gauge.CHANGES_LAST_EVENT, null, () -> lastCommit == null ? 0 : lastCommit.getEpochSecond());
        String off = settings.offReason();
        if (off != null) {
            off("off: " + off);
            return;
        }
        running = true;
        follower = threads.newThread(this::follow);
        follower.setName("ecolaura-changes");
        follower.start();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        following = false;
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
                if (!usable()) {
                    running = false;
                    return;
                }
                followOnce();
                warned = false;
            } catch (SQLException | RuntimeException e) {
                following = false;
                if (!running) {
                    return;
                }
                state = "retrying: " + e.getMessage();
                // a standby instance sees "slot is active" every retry: once is enough
                LOG.log(warned ? Level.DEBUG : Level.WARNING, "change stream: {0}; retrying", e.getMessage());
                warned = true;
            }
            pause(settings.retryInterval());
        }
    }

    /** Checks once what the server allows; false (and logged why) when it cannot stream at all. */
    private boolean usable() throws SQLException {
        try (var connection = settings.connect(false);
                var statement = connection.createStatement()) {
            String walLevel = single(connection, "show wal_level");
            if (!"logical".equals(walLevel)) {
                off("off: the database runs with wal_level=" + walLevel + ", not logical");
                return false;
            }
            if (!"t"
                    .equals(single(
                            connection,
                            "select rolreplication or rolsuper from pg_roles where rolname = current_user"))) {
                off("off: the database user may not replicate (ALTER ROLE … REPLICATION)");
                return false;
            }
            if ("t"
                    .equals(
                            single(
                                    connection,
                                    "select has_function_privilege('pg_logical_emit_message(boolean,text,text)', 'execute')"))) {
                OwnWriteMarks.activate();
            }
            String publication = settings.publication();
            try (var exists = connection.prepareStatement("select 1 from pg_publication where pubname = ?")) {
                exists.setString(1, publication);
                if (!exists.executeQuery().next()) {
                    statement.execute("create publication " + publication + " for table " + CachedTable.tableList());
                    LOG.log(Level.INFO, "change stream: created publication {0}", publication);
                }
            }
            return true;
        }
    }

    private void followOnce() throws SQLException {
        String slot;
        boolean exists;
        try (var connection = settings.connect(false)) {
            slot = settings.slot(connection);
            try (var query =
                    connection.prepareStatement("select active from pg_replication_slots where slot_name = ?")) {
                query.setString(1, slot);
                var rows = query.executeQuery();
                exists = rows.next();
                if (exists && rows.getBoolean(1)) {
                    standby(slot);
                    return;
                }
            }
        }
        try (var connection = settings.connect(true)) {
            current = connection;
            var replication = connection.unwrap(PGConnection.class).getReplicationAPI();
            if (!exists) {
                replication
                        .createReplicationSlot()
                        .logical()
                        .withSlotName(slot)
                        .withOutputPlugin("pgoutput")
                        .make();
                resumedAfterGap(slot);
            }
            var stream = replication
                    .replicationStream()
                    .logical()
                    .withSlotName(slot)
                    .withSlotOption("proto_version", 1)
                    .withSlotOption("publication_names", settings.publication())
                    .withSlotOption("messages", true)
                    .withStatusInterval(1, TimeUnit.SECONDS)
                    .start();
            following = true;
            state = "following slot " + slot;
            LOG.log(Level.INFO, "change stream: following slot {0}, publication {1}", slot, settings.publication());
            consume(stream);
        } finally {
            following = false;
            current = null;
        }
    }

    private void consume(PGReplicationStream stream) throws SQLException {
        var decoder = new PgOutputDecoder();
        var assembler = new TransactionAssembler();
        LogSequenceNumber confirmed = LogSequenceNumber.INVALID_LSN;
        while (running) {
            ByteBuffer message = stream.readPending();
            if (message == null) {
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
            var committed = assembler.accept(decoder.decode(message));
            if (committed.isPresent()) {
                apply(committed.get());
                confirmed = LogSequenceNumber.valueOf(committed.get().endLsn());
                confirm(stream, confirmed);
            }
        }
    }

    /**
     * A transaction that cannot be applied (a cache call that threw instead of failing open) clears
     * everything instead: retrying it would stop the stream on it for good.
     */
    private void apply(CommittedChange change) {
        boolean invalidated;
        try {
            invalidated = applier.apply(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "change stream: a transaction could not be applied; clearing instead", e);
            applier.clearAll("a transaction the change stream could not apply");
            invalidated = true;
        }
        if (invalidated) {
            lagSeconds = Duration.between(change.committedAt(), Instant.now()).toNanos() / 1e9;
        }
        lastCommit = change.committedAt();
    }

    private static void confirm(PGReplicationStream stream, LogSequenceNumber position) {
        stream.setAppliedLSN(position);
        stream.setFlushedLSN(position);
    }

    /**
     * The slot was made now. A follower had one before (Redis remembers it): the changes since it
     * was lost are unknown, so what they could have made stale is cleared.
     */
    private void resumedAfterGap(String slot) {
        String marker = "ecolaura:changes:slot:" + slot;
        boolean hadOne = RedisGateway.instance()
                .call("changes", marker, client -> client.getBucket(marker).isExists(), true);
        if (hadOne) {
            gaps.incrementAndGet();
            applier.clearAll("the change stream's slot " + slot + " was lost and made anew");
        }
        RedisGateway.instance().run("changes", marker, client -> client.getBucket(
                        marker, org.redisson.client.codec.StringCodec.INSTANCE)
                .set(Instant.now().toString()));
        LOG.log(Level.INFO, "change stream: created slot {0}", slot);
    }

    private void standby(String slot) {
        if (!state.startsWith("standby")) {
            LOG.log(Level.INFO, "change stream: slot {0} is followed by another instance; standing by", slot);
        }
        state = "standby: another instance follows slot " + slot;
    }

    private void off(String reason) {
        state = reason;
        LOG.log(Level.INFO, "change stream {0}", reason);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
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

    public boolean following() {
        return following;
    }

    public String state() {
        return state;
    }

    public double lagSeconds() {
        return lagSeconds;
    }

    public Instant lastCommit() {
        return lastCommit;
    }
}
