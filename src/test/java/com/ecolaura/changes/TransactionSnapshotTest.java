package com.ecolaura.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.changes.entity.TransactionSnapshot;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which transactions a snapshot, as PostgreSQL prints it, sees: the check before a change is applied. */
class TransactionSnapshotTest {

    @Test
    void readsWhatPostgresqlPrints() {
        assertEquals(
                new TransactionSnapshot(745, 760, Set.of(745L, 751L)), TransactionSnapshot.parse("745:760:745,751"));
        assertEquals(new TransactionSnapshot(760, 760, Set.of()), TransactionSnapshot.parse("760:760:"));
        assertThrows(IllegalArgumentException.class, () -> TransactionSnapshot.parse("745:760"));
    }

    @Test
    void seesWhatFinishedAndNotWhatRunsOrCameAfter() {
        var snapshot = TransactionSnapshot.parse("745:760:745,751");
        assertTrue(snapshot.sees(700), "finished before the oldest running one");
        assertTrue(snapshot.sees(750), "finished between");
        assertFalse(snapshot.sees(751), "committed in the log, still in the list of running transactions");
        assertFalse(snapshot.sees(745));
        assertFalse(snapshot.sees(760), "not finished when the snapshot was taken");
        assertFalse(snapshot.sees(800));
    }

    @Test
    void theStreamsThirtyTwoBitIdsAreReadAcrossAnEpoch() {
        long epoch = 1L << 32;
        var snapshot = new TransactionSnapshot(epoch - 20, epoch + 5, Set.of(epoch - 20, epoch + 2));
        assertTrue(snapshot.sees((int) (epoch - 10)), "the previous epoch's last ids, finished");
        assertFalse(snapshot.sees((int) (epoch - 20)), "the previous epoch's, still running");
        assertTrue(snapshot.sees(1), "this epoch's, finished");
        assertFalse(snapshot.sees(2), "this epoch's, still running");
        assertFalse(snapshot.sees(5), "this epoch's, not finished when the snapshot was taken");
    }
}
