package org.newsroom.ingest.ledger;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;

/** What {@link ArticleLedger#claim} decided for an incoming story. */
public sealed interface Claim {

    /**
     * The story is new or a later version: write {@code event}, then report the outcome with
     * {@link ArticleLedger#written} or {@link ArticleLedger#notWritten}.
     */
    record Write(ArticleEvent event, LedgerEntry entry, @Nullable LedgerEntry previous) implements Claim {
    }

    /** The log already holds (or is writing) this story: answer with the original event. */
    record Duplicate(String uri, LedgerEntry entry) implements Claim {
    }

    /**
     * The uri belongs to another partner: the one whose story the log holds under it. Deliberately
     * without that partner's id, which the refused partner must not learn.
     */
    record Foreign(String uri) implements Claim {
    }

    /** The story is older than what the log holds. */
    record Stale(String uri, long version, long storedVersion) implements Claim {
    }
}
