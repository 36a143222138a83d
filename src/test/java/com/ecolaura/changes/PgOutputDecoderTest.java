package com.ecolaura.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.changes.control.PgOutputDecoder;
import com.ecolaura.changes.control.TransactionAssembler;
import com.ecolaura.changes.entity.Invalidation;
import com.ecolaura.changes.entity.StreamEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pgoutput messages as the server writes them (byte for byte, protocol version 1), decoded,
 * gathered per transaction and mapped to what they make stale.
 */
class PgOutputDecoderTest {

    private final PgOutputDecoder decoder = new PgOutputDecoder();
    private final TransactionAssembler transactions = new TransactionAssembler();

    @Test
    void anUpdateOfAProductInvalidatesItWithItsNewVersion() throws IOException {
        var begin = decoder.decode(begin(7_000_000L, 812));
        assertEquals(812, assertInstanceOf(StreamEvent.Begin.class, begin).xid());
        assertEquals(
                Instant.parse("2000-01-01T00:00:07Z"), ((StreamEvent.Begin) begin).committedAt(), "PostgreSQL's epoch");
        transactions.accept(begin);
        transactions.accept(decoder.decode(relation(16_400, "products", "id", "version", "name")));
        var row = decoder.decode(update(16_400, "42", "6", "Bamboo brush"));
        var values = assertInstanceOf(StreamEvent.Row.class, row).values();
        assertEquals("Bamboo brush", values.get("name"));
        transactions.accept(row);
        assertFalse(transactions.idle());
        var change = transactions.accept(decoder.decode(commit(0x1000, 0x1040))).orElseThrow();
        assertTrue(transactions.idle());
        assertEquals(0x1040, change.endLsn());
        assertFalse(change.ownWrite());
        assertEquals(List.of(new Invalidation.Product(42, 6, StreamEvent.Kind.UPDATE)), change.invalidations());
    }

    @Test
    void theShopsMarkMakesATransactionItsOwn() throws IOException {
        transactions.accept(decoder.decode(begin(1, 1)));
        transactions.accept(decoder.decode(relation(1, "products", "id", "version")));
        transactions.accept(decoder.decode(insert(1, "5", "0")));
        transactions.accept(decoder.decode(message(true, "ecolaura", "")));
        assertTrue(
                transactions.accept(decoder.decode(commit(2, 3))).orElseThrow().ownWrite());

        transactions.accept(decoder.decode(begin(4, 2)));
        transactions.accept(decoder.decode(insert(1, "6", "0")));
        transactions.accept(decoder.decode(message(true, "another-service", "")));
        var outside = transactions.accept(decoder.decode(commit(5, 6))).orElseThrow();
        assertFalse(outside.ownWrite(), "someone else's message is not the shop's mark");
        assertEquals(2, outside.xid(), "the transaction id of its BEGIN, to wait until it is visible");
    }

    @Test
    void deletesCarryOnlyTheKeyAndTheSameRowTwiceIsInvalidatedOnce() throws IOException {
        transactions.accept(decoder.decode(begin(1, 1)));
        transactions.accept(decoder.decode(relation(1, "products", "id", "version")));
        transactions.accept(decoder.decode(delete(1, "9")));
        transactions.accept(decoder.decode(delete(1, "9")));
        transactions.accept(decoder.decode(relation(2, "user_profiles", "userid", "displayname")));
        transactions.accept(decoder.decode(update(2, "user-3", "Ada")));
        var change = transactions.accept(decoder.decode(commit(2, 3))).orElseThrow();
        assertEquals(
                List.of(new Invalidation.Product(9, -1, StreamEvent.Kind.DELETE), new Invalidation.Profile("user-3")),
                change.invalidations());
    }

    @Test
    void whatCannotBeMappedClearsTheTable() throws IOException {
        transactions.accept(decoder.decode(begin(1, 1)));
        transactions.accept(decoder.decode(relation(1, "products", "product_id", "version")));
        transactions.accept(decoder.decode(insert(1, "5", "0")));
        transactions.accept(decoder.decode(relation(2, "side_notes", "id")));
        transactions.accept(decoder.decode(insert(2, "1")));
        transactions.accept(decoder.decode(relation(3, "categories", "slug", "name")));
        transactions.accept(decoder.decode(insert(3, "garden", "Garden")));
        transactions.accept(decoder.decode(truncate(3)));
        var change = transactions.accept(decoder.decode(commit(2, 3))).orElseThrow();
        assertEquals(
                List.of(
                        new Invalidation.Table("products", "a products row without an id", true),
                        new Invalidation.Table("side_notes", "a table the shop does not map", true),
                        new Invalidation.Table("categories", "INSERT of a reference row", false),
                        new Invalidation.Table("categories", "truncated", true)),
                change.invalidations());
    }

    @Test
    void nullsAndUnchangedToastedValuesAreAbsentAndUnknownTablesAreAnError() throws IOException {
        decoder.decode(relation(1, "products", "id", "description"));
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeByte('I');
        out.writeInt(1);
        out.writeByte('N');
        out.writeShort(2);
        out.writeByte('t');
        out.writeInt(1);
        out.write('4');
        out.writeByte('u');
        var row = (StreamEvent.Row) decoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
        assertEquals("4", row.values().get("id"));
        assertNull(row.values().get("description"));
        assertThrows(IllegalStateException.class, () -> decoder.decode(insert(99, "1")));
        assertInstanceOf(StreamEvent.Other.class, decoder.decode(ByteBuffer.wrap(new byte[] {'Y'})));
    }

    private static ByteBuffer begin(long micros, int xid) throws IOException {
        return message(out -> {
            out.writeByte('B');
            out.writeLong(0x2000);
            out.writeLong(micros);
            out.writeInt(xid);
        });
    }

    private static ByteBuffer commit(long commitLsn, long endLsn) throws IOException {
        return message(out -> {
            out.writeByte('C');
            out.writeByte(0);
            out.writeLong(commitLsn);
            out.writeLong(endLsn);
            out.writeLong(0);
        });
    }

    private static ByteBuffer relation(int id, String table, String... columns) throws IOException {
        return message(out -> {
            out.writeByte('R');
            out.writeInt(id);
            string(out, "public");
            string(out, table);
            out.writeByte('d');
            out.writeShort(columns.length);
            for (int i = 0; i < columns.length; i++) {
                out.writeByte(i == 0 ? 1 : 0);
                string(out, columns[i]);
                out.writeInt(25);
                out.writeInt(-1);
            }
        });
    }

    private static ByteBuffer insert(int relation, String... values) throws IOException {
        return row('I', 'N', relation, values);
    }

    private static ByteBuffer update(int relation, String... values) throws IOException {
        return row('U', 'N', relation, values);
    }

    private static ByteBuffer delete(int relation, String key) throws IOException {
        return row('D', 'K', relation, key, null);
    }

    private static ByteBuffer row(char kind, char part, int relation, String... values) throws IOException {
        return message(out -> {
            out.writeByte(kind);
            out.writeInt(relation);
            out.writeByte(part);
            out.writeShort(values.length);
            for (String value : values) {
                if (value == null) {
                    out.writeByte('n');
                } else {
                    byte[] text = value.getBytes(StandardCharsets.UTF_8);
                    out.writeByte('t');
                    out.writeInt(text.length);
                    out.write(text);
                }
            }
        });
    }

    private static ByteBuffer truncate(int relation) throws IOException {
        return message(out -> {
            out.writeByte('T');
            out.writeInt(1);
            out.writeByte(0);
            out.writeInt(relation);
        });
    }

    private static ByteBuffer message(boolean transactional, String prefix, String content) throws IOException {
        return message(out -> {
            out.writeByte('M');
            out.writeByte(transactional ? 1 : 0);
            out.writeLong(0x3000);
            string(out, prefix);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        });
    }

    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private static ByteBuffer message(Writing writing) throws IOException {
        var bytes = new ByteArrayOutputStream();
        writing.to(new DataOutputStream(bytes));
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }
}
