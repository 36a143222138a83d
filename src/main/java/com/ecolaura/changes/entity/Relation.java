package com.ecolaura.changes.entity;

import java.util.List;

/** A table as the stream describes it before its first row: the server's id for it, its name and columns. */
public record Relation(int id, String schema, String table, List<String> columns) {

    public Relation {
        columns = List.copyOf(columns);
    }
}
