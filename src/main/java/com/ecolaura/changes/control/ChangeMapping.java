package com.ecolaura.changes.control;

import com.ecolaura.changes.entity.Invalidation;
import com.ecolaura.changes.entity.Relation;
import com.ecolaura.changes.entity.StreamEvent;
import java.util.List;
import java.util.Optional;

/**
 * Maps a changed row to what it makes stale: a product or a profile by its key, a reference table
 * as a whole. What it cannot map (a table it does not know, a row without its key, because a
 * migration renamed the column, say) becomes the clearing of what that table feeds, never an error.
 * Column names as PostgreSQL folds them (lower case).
 */
public final class ChangeMapping {

    private ChangeMapping() {}

    public static Invalidation of(StreamEvent.Row row) {
        var table = CachedTable.named(row.relation().table());
        if (table.isEmpty()) {
            return unknownTable(row.relation());
        }
        return switch (table.get()) {
            case PRODUCTS -> product(row);
            case USER_PROFILES -> profile(row);
            default -> new Invalidation.Table(table.get().table(), row.kind() + " of a reference row", false);
        };
    }

    public static List<Invalidation> of(StreamEvent.Truncated truncated) {
        return truncated.relations().stream()
                .map(relation -> (Invalidation) new Invalidation.Table(relation.table(), "truncated", true))
                .toList();
    }

    private static Invalidation product(StreamEvent.Row row) {
        var id = number(row, "id");
        if (id.isEmpty()) {
            return new Invalidation.Table("products", "a products row without an id", true);
        }
        long version = row.kind() == StreamEvent.Kind.DELETE
                ? -1
                : number(row, "version").orElse(-1L);
        return new Invalidation.Product(id.get(), version, row.kind());
    }

    private static Invalidation profile(StreamEvent.Row row) {
        String userId = row.values().get("userid");
        if (userId == null) {
            return new Invalidation.Table("user_profiles", "a user_profiles row without a userid", true);
        }
        return new Invalidation.Profile(userId);
    }

    private static Invalidation unknownTable(Relation relation) {
        return new Invalidation.Table(relation.table(), "a table the shop does not map", true);
    }

    private static Optional<Long> number(StreamEvent.Row row, String column) {
        String value = row.values().get(column);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
