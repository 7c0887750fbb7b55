package org.newsroom.ingest.ledger;

import org.newsroom.contract.ArticleAction;

/**
 * What a partner means a story to do to the article, independent of what the log already holds;
 * {@link ArticleLedger#claim} turns it into an {@link ArticleAction}.
 */
public enum Intent {

    /** A story or a routine update: PUBLISHED if the uri is new, else UPDATED. */
    STORY,
    /** A correction of an error: CORRECTED, or PUBLISHED if the uri is new. */
    CORRECTION,
    /** Withdraw the article ({@code pubstatus} canceled or withheld): always KILLED. */
    KILL;

    ArticleAction action(boolean known) {
        return switch (this) {
            case KILL -> ArticleAction.KILLED;
            case CORRECTION -> known ? ArticleAction.CORRECTED : ArticleAction.PUBLISHED;
            case STORY -> known ? ArticleAction.UPDATED : ArticleAction.PUBLISHED;
        };
    }
}
