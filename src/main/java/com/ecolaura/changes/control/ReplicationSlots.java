package com.ecolaura.changes.control;

import com.ecolaura.redis.control.RedisGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.replication.PGReplicationStream;
import org.redisson.client.codec.StringCodec;

/**
 * What the server offers the change stream: whether it can stream at all, the publication, the
 * slot (found, made, started), and the memory in Redis that a slot existed, by which a slot made anew
 * is known to have left a gap.
 */
@ApplicationScoped
public class ReplicationSlots {

    private static final System.Logger LOG = System.getLogger(ReplicationSlots.class.getName());

    @Inject
    StreamSettings settings;

    /** The slot as the server reports it: missing, free, or streamed by another session. */
    public record Slot(String name, boolean exists, boolean active) {}

    /**
     * Why this server cannot stream to the shop, or null when it can; then the shop's own writes are
     * marked (where the user may emit messages) and the publication exists.
     */
    String unusableBecause() throws SQLException {
        try (var connection = settings.connect(false)) {
            String walLevel = single(connection, "show wal_level");
            if (!"logical".equals(walLevel)) {
                return "the database runs with wal_level=" + walLevel + ", not logical";
            }
            if (!"t"
                    .equals(single(
                            connection,
                            "select rolreplication or rolsuper from pg_roles where rolname = current_user"))) {
                return "the database user may not replicate (ALTER ROLE … REPLICATION)";
            }
            if ("t"
                    .equals(
                            single(
                                    connection,
                                    "select has_function_privilege('pg_logical_emit_message(boolean,text,text)', 'execute')"))) {
                OwnWriteMarks.activate();
            }
            String publication = settings.publication();
            try (var exists = connection.prepareStatement("select 1 from pg_publication where pubname = ?");
                    var statement = connection.createStatement()) {
                exists.setString(1, publication);
                if (!exists.executeQuery().next()) {
                    statement.execute("create publication " + publication + " for table " + CachedTable.tableList());
                    LOG.log(Level.INFO, "change stream: created publication {0}", publication);
                }
            }
            return null;
        }
    }

    Slot find() throws SQLException {
        try (var connection = settings.connect(false);
                var query =
                        connection.prepareStatement("select active from pg_replication_slots where slot_name = ?")) {
            String slot = settings.slot(connection);
            query.setString(1, slot);
            var rows = query.executeQuery();
            boolean exists = rows.next();
            return new Slot(slot, exists, exists && rows.getBoolean(1));
        }
    }

    /** Makes the slot if it is missing, and streams from its confirmed position on a replication connection. */
    PGReplicationStream stream(Connection replicationConnection, Slot slot) throws SQLException {
        var replication = replicationConnection.unwrap(PGConnection.class).getReplicationAPI();
        if (!slot.exists()) {
            replication
                    .createReplicationSlot()
                    .logical()
                    .withSlotName(slot.name())
                    .withOutputPlugin("pgoutput")
                    .make();
            LOG.log(Level.INFO, "change stream: created slot {0}", slot.name());
        }
        return replication
                .replicationStream()
                .logical()
                .withSlotName(slot.name())
                .withSlotOption("proto_version", 1)
                .withSlotOption("publication_names", settings.publication())
                .withSlotOption("messages", true)
                .withStatusInterval(1, TimeUnit.SECONDS)
                .start();
    }

    /** Whether a follower had this slot before: a slot made now then follows a gap. Redis unreachable: assumed so. */
    boolean hadOneBefore(String slot) {
        return RedisGateway.instance()
                .call(
                        "changes",
                        marker(slot),
                        client -> client.getBucket(marker(slot), StringCodec.INSTANCE)
                                .isExists(),
                        true);
    }

    /** Notes in Redis that this slot is followed, so that its loss is seen as a gap later. */
    void remember(String slot) {
        RedisGateway.instance()
                .run("changes", marker(slot), client -> client.getBucket(marker(slot), StringCodec.INSTANCE)
                        .set(Instant.now().toString()));
    }

    private static String marker(String slot) {
        return "ecolaura:changes:slot:" + slot;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
