package com.ecolaura.changes.control;

import com.ecolaura.changes.entity.CommittedChange;
import com.ecolaura.changes.entity.Invalidation;
import com.ecolaura.changes.entity.StreamEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Gathers a transaction's invalidations between its BEGIN and its COMMIT (the stream only sends
 * committed transactions, whole, in commit order), noting whether the shop marked it as its own.
 * The same row changed twice in a transaction is invalidated once.
 */
public class TransactionAssembler {

    private final LinkedHashSet<Invalidation> pending = new LinkedHashSet<>();
    private boolean open;
    private boolean ownWrite;
    private int xid;

    /** The transaction, once its COMMIT arrived; empty for every other message. */
    public Optional<CommittedChange> accept(StreamEvent event) {
        if (event instanceof StreamEvent.Begin begin) {
            pending.clear();
            open = true;
            ownWrite = false;
            xid = begin.xid();
        } else if (event instanceof StreamEvent.Row row) {
            pending.add(ChangeMapping.of(row));
        } else if (event instanceof StreamEvent.Truncated truncated) {
            pending.addAll(ChangeMapping.of(truncated));
        } else if (event instanceof StreamEvent.Message message) {
            ownWrite |= message.transactional() && OwnWriteMarks.PREFIX.equals(message.prefix());
        } else if (event instanceof StreamEvent.Commit commit) {
            var change =
                    new CommittedChange(commit.endLsn(), commit.committedAt(), xid, ownWrite, List.copyOf(pending));
            pending.clear();
            open = false;
            return Optional.of(change);
        }
        return Optional.empty();
    }

    /** Between transactions: everything received so far has been handed out. */
    public boolean idle() {
        return !open;
    }
}
