package org.newsroom.enrich.entities;

import java.util.List;

/**
 * Finds named-entity mentions in an article. Implementations wrap one NER engine; grouping and
 * ranking of the mentions is engine-independent and lives in {@link EntityRanker}.
 */
public interface EntityRecognizer {

    /**
     * The mentions in headline and body, headline first, each in text order. Offsets refer to the
     * given strings, never to a concatenation, so a mention never spans headline and body.
     */
    List<RecognizedMention> recognize(String headline, String body);

    /** Engine and model that produced the mentions, stored with every enrichment. */
    String version();
}
