package com.ecolaura.changes.control;

import com.ecolaura.changes.entity.Relation;
import com.ecolaura.changes.entity.StreamEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes PostgreSQL's built-in logical decoding output, {@code pgoutput} protocol version 1 (the
 * message formats of the "Logical Replication Message Formats" chapter), with logical messages on.
 * It remembers each table's description, which the server sends once per session before that
 * table's first row and again after the table's columns changed. Not thread-safe: one per stream.
 */
public class PgOutputDecoder {

    /** PostgreSQL counts time in microseconds from 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private final Map<Integer, Relation> relations = new HashMap<>();

    public StreamEvent decode(ByteBuffer buffer) {
        char tag = (char) buffer.get();
        return switch (tag) {
            case 'B' -> new StreamEvent.Begin(buffer.getLong(), instant(buffer.getLong()), buffer.getInt());
            case 'C' -> {
                buffer.get(); // flags, unused
                yield new StreamEvent.Commit(buffer.getLong(), buffer.getLong(), instant(buffer.getLong()));
            }
            case 'R' -> new StreamEvent.Described(relation(buffer));
            case 'I' -> row(buffer, StreamEvent.Kind.INSERT);
            case 'U' -> row(buffer, StreamEvent.Kind.UPDATE);
            case 'D' -> row(buffer, StreamEvent.Kind.DELETE);
            case 'T' -> truncated(buffer);
            case 'M' -> message(buffer);
            default -> new StreamEvent.Other(tag);
        };
    }

    private Relation relation(ByteBuffer buffer) {
        int id = buffer.getInt();
        String schema = string(buffer);
        String table = string(buffer);
        buffer.get(); // replica identity setting
        int count = buffer.getShort();
        var columns = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            buffer.get(); // flags: part of the key
            columns.add(string(buffer));
            buffer.getInt(); // type
            buffer.getInt(); // type modifier
        }
        var relation = new Relation(id, schema, table, columns);
        relations.put(id, relation);
        return relation;
    }

    /**
     * An update carries the old key (K) or old row (O) only when the key changed or the table's
     * replica identity is FULL, then the new row (N); a delete carries K or O. The row returned is
     * the newest the message holds.
     */
    private StreamEvent row(ByteBuffer buffer, StreamEvent.Kind kind) {
        var relation = known(buffer.getInt());
        char part = (char) buffer.get();
        Map<String, String> values = tuple(buffer, relation);
        if (kind == StreamEvent.Kind.UPDATE && part != 'N') {
            buffer.get(); // 'N'
            values = tuple(buffer, relation);
        }
        return new StreamEvent.Row(relation, kind, values);
    }

    private StreamEvent truncated(ByteBuffer buffer) {
        int count = buffer.getInt();
        buffer.get(); // options: CASCADE, RESTART IDENTITY
        var truncated = new ArrayList<Relation>(count);
        for (int i = 0; i < count; i++) {
            truncated.add(known(buffer.getInt()));
        }
        return new StreamEvent.Truncated(truncated);
    }

    private static StreamEvent message(ByteBuffer buffer) {
        boolean transactional = (buffer.get() & 1) != 0;
        buffer.getLong(); // the message's LSN
        String prefix = string(buffer);
        byte[] content = new byte[buffer.getInt()];
        buffer.get(content);
        return new StreamEvent.Message(transactional, prefix, new String(content, StandardCharsets.UTF_8));
    }

    private Relation known(int id) {
        var relation = relations.get(id);
        if (relation == null) {
            // the server always describes a table before its first row in a session
            throw new IllegalStateException("row of table " + id + ", which the stream has not described");
        }
        return relation;
    }

    private static Map<String, String> tuple(ByteBuffer buffer, Relation relation) {
        int count = buffer.getShort();
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < count; i++) {
            String column = i < relation.columns().size() ? relation.columns().get(i) : "#" + i;
            char kind = (char) buffer.get();
            if (kind == 't' || kind == 'b') {
                byte[] value = new byte[buffer.getInt()];
                buffer.get(value);
                values.put(column, new String(value, StandardCharsets.UTF_8));
            } else {
                values.put(column, null); // 'n' null, 'u' unchanged TOASTed value
            }
        }
        return values;
    }

    private static String string(ByteBuffer buffer) {
        int start = buffer.position();
        int end = start;
        while (buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buffer.get(bytes);
        buffer.get(); // the terminating zero
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Instant instant(long microsSince2000) {
        return Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS, 0).plusNanos(microsSince2000 * 1000);
    }
}
