package org.newsroom.enrich.entities;

import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;

/**
 * One entity mention as a recognizer found it, before mentions of the same entity are grouped.
 *
 * @param mention where the mention is, with offsets into the headline or body of the article
 * @param type the entity class the recognizer assigned
 * @param confidence how sure the recognizer is of the type, in [0, 1]
 */
public record RecognizedMention(Mention mention, EntityType type, double confidence) {

    /** A mention from a recognizer that gives no probabilities: taken as certain. */
    public RecognizedMention(Mention mention, EntityType type) {
        this(mention, type, 1.0);
    }

    boolean overlaps(RecognizedMention other) {
        return mention.field() == other.mention.field() && mention.start() < other.mention.end()
                && other.mention.start() < mention.end();
    }
}
