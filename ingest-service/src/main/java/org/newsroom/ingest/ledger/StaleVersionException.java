package org.newsroom.ingest.ledger;

/**
 * A version that is not newer than the stored one: replaying it would roll the article back, so it
 * is refused (409). Also a kill under the version of the story it withdraws.
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(Claim.Stale stale) {
        super("Story " + stale.uri() + " version " + stale.version() + " is not newer than the stored version "
                + stale.storedVersion());
    }
}
