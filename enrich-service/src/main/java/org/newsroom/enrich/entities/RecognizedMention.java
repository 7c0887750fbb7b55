package org.newsroom.enrich.entities;

import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;

/**
 * One entity mention as a recognizer found it, before mentions of the same entity are grouped.
 *
 * @param mention where the mention is, with offsets into the headline or body of the article
 * @param type the entity class the recognizer assigned
 */
public record RecognizedMention(Mention mention, EntityType type) {
}
