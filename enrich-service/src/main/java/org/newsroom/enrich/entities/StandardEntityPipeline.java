package org.newsroom.enrich.entities;

import java.util.List;

import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.CoreNlpEntityRecognizer.Tokenization;

/**
 * The one entity pipeline of the project: the CRF, then its corrections. The service, the CoNLL
 * evaluation and the benchmark all build it here, so that what is measured is what runs.
 */
public final class StandardEntityPipeline {

    private StandardEntityPipeline() {
    }

    /**
     * The CRF, then its corrections in this order: the gazetteer first so that known names are
     * found, then the junk and teaser filters so that they also drop what the gazetteer found
     * inside a teaser line, then the title-case headline filter, then named storms, last because
     * they replace whatever the earlier steps left inside a storm's name.
     */
    public static EntityRecognizer recognizer(EnrichProperties.Ner ner, AliasTable aliases) {
        return recognizer(ner, aliases, Tokenization.CORENLP);
    }

    /** The same with the given tokenization: the evaluation's pre-tokenized mode reads CoNLL tokens as given. */
    public static EntityRecognizer recognizer(EnrichProperties.Ner ner, AliasTable aliases, Tokenization tokenization) {
        return new RefiningEntityRecognizer(CoreNlpEntityRecognizer.names(ner, tokenization), List.of(
                new AliasGazetteer(aliases), new JunkMentionFilter(aliases), new TeaserMentionFilter(),
                new TitleCaseHeadlineFilter(), new NamedStorms()),
                aliases.version());
    }

    /** Recognition, grouping, linking and ranking as the service runs them. */
    public static EntityExtractor extractor(EnrichProperties.Ner ner, AliasTable aliases) {
        return extractor(ner, aliases, Tokenization.CORENLP);
    }

    /** The same with the given tokenization. */
    public static EntityExtractor extractor(EnrichProperties.Ner ner, AliasTable aliases, Tokenization tokenization) {
        return new EntityExtractor(recognizer(ner, aliases, tokenization), aliases);
    }
}
