package org.newsroom.enrich.entities;

import java.util.List;

/**
 * A recognizer followed by refinements, applied in order. The refinements depend on data (the
 * alias table) as much as on the engine, so the version names both.
 */
public final class RefiningEntityRecognizer implements EntityRecognizer {

    private final EntityRecognizer engine;
    private final List<MentionRefinement> refinements;
    private final String version;

    public RefiningEntityRecognizer(EntityRecognizer engine, List<MentionRefinement> refinements, String dataVersion) {
        this.engine = engine;
        this.refinements = List.copyOf(refinements);
        this.version = engine.version() + '+' + dataVersion;
    }

    @Override
    public List<RecognizedMention> recognize(String headline, String body) {
        List<RecognizedMention> mentions = engine.recognize(headline, body);
        for (MentionRefinement refinement : refinements) {
            mentions = refinement.refine(headline, body, mentions);
        }
        return mentions;
    }

    @Override
    public String version() {
        return version;
    }
}
