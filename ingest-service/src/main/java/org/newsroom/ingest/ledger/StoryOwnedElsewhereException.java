package org.newsroom.ingest.ledger;

/**
 * A story under a uri that another partner sent first: answered 403, because one partner must not
 * update, correct or kill another partner's story. The message does not name the owner.
 */
public class StoryOwnedElsewhereException extends RuntimeException {

    public StoryOwnedElsewhereException(Claim.Foreign foreign) {
        super("Story " + foreign.uri() + " belongs to another partner; send your stories under your own uris");
    }
}
