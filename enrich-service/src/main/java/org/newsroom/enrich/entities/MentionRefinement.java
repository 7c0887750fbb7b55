package org.newsroom.enrich.entities;

import java.util.List;

/** One correction of a recognizer's raw mentions: adds what it missed or drops what it got wrong. */
@FunctionalInterface
public interface MentionRefinement {

    /** The corrected mentions of an article; offsets refer to the given headline and body. */
    List<RecognizedMention> refine(String headline, String body, List<RecognizedMention> mentions);
}
