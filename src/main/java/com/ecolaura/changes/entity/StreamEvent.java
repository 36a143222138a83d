package com.ecolaura.changes.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One decoded message of the pgoutput protocol (version 1), as far as the caches care. */
public sealed interface StreamEvent {

    record Begin(long finalLsn, Instant committedAt, int xid) implements StreamEvent {}

    record Commit(long commitLsn, long endLsn, Instant committedAt) implements StreamEvent {}

    /** A table's description; the rows that follow name it by {@link Relation#id()}. */
    record Described(Relation relation) implements StreamEvent {}

    /**
     * A row inserted, updated or deleted: its column values as text (null where SQL NULL, or where
     * the stream did not send it: a TOASTed value left unchanged, a non-key column of a deleted row).
     */
    record Row(Relation relation, Kind kind, Map<String, String> values) implements StreamEvent {}

    record Truncated(List<Relation> relations) implements StreamEvent {}

    /** A message a writer put into the log ({@code pg_logical_emit_message}), in its transaction or not. */
    record Message(boolean transactional, String prefix, String content) implements StreamEvent {}

    /** Anything else the protocol sends (origin, type descriptions): nothing to do. */
    record Other(char tag) implements StreamEvent {}

    enum Kind {
        INSERT,
        UPDATE,
        DELETE
    }
}
