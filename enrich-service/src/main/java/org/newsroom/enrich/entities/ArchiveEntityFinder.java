package org.newsroom.enrich.entities;

import java.util.List;
import java.util.function.Function;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.enrich.aliases.AliasTable;

/**
 * The linked entities of an archived article, found by the alias gazetteer alone. The archive is
 * rebuilt from the whole article topic at every start; running the CRF over all of it would take
 * minutes, the gazetteer takes milliseconds per article and finds exactly the entities that have
 * links, which are the only ones the related-article ranking can compare.
 */
public final class ArchiveEntityFinder implements Function<ArticleEvent, List<Entity>> {

    private static final EntityRecognizer NO_MODEL = new EntityRecognizer() {
        @Override
        public List<RecognizedMention> recognize(String headline, String body) {
            return List.of();
        }

        @Override
        public String version() {
            return "gazetteer";
        }
    };

    private final EntityExtractor extractor;

    public ArchiveEntityFinder(AliasTable aliases) {
        this.extractor = new EntityExtractor(new RefiningEntityRecognizer(NO_MODEL, List.of(new AliasGazetteer(aliases),
                new JunkMentionFilter(aliases), new TeaserMentionFilter()), aliases.version()), aliases);
    }

    @Override
    public List<Entity> apply(ArticleEvent article) {
        return extractor.entities(article.headline(), article.body());
    }
}
