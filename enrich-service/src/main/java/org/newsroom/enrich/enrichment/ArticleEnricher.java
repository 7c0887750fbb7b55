package org.newsroom.enrich.enrichment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.contract.Entity;
import org.newsroom.enrich.entities.EntityRanker;
import org.newsroom.enrich.entities.EntityRecognizer;

/**
 * Computes the enrichment of one article: its named entities, ranked by salience.
 *
 * <p>The enriched event's id is derived from the article event's id and the enrichment version
 * rather than drawn at random: when a redelivered article is enriched again, the repeated output
 * carries the same id and consumers can recognise it as a duplicate.
 */
public final class ArticleEnricher {

    private final EntityRecognizer recognizer;
    private final Clock clock;

    public ArticleEnricher(EntityRecognizer recognizer, Clock clock) {
        this.recognizer = recognizer;
        this.clock = clock;
    }

    public EnrichedArticleEvent enrich(ArticleEvent article) {
        String enrichmentVersion = recognizer.version();
        Enrichment enrichment = new Enrichment(enrichmentVersion, article.language(), entitiesOf(article), List.of(),
                clock.instant());
        return new EnrichedArticleEvent(EnrichedArticleEvent.SCHEMA_VERSION,
                enrichedEventId(article.eventId(), enrichmentVersion), article, enrichment);
    }

    /** A killed story's content must disappear downstream, so it is not worth recognizing. */
    private List<Entity> entitiesOf(ArticleEvent article) {
        if (article.action() == ArticleAction.KILLED) {
            return List.of();
        }
        return EntityRanker.rank(recognizer.recognize(article.headline(), article.body()), article.body().length());
    }

    /** The id of the enriched event computed from the given article event with the given enrichment version. */
    public static String enrichedEventId(String articleEventId, String enrichmentVersion) {
        return UUID.nameUUIDFromBytes((articleEventId + '\n' + enrichmentVersion).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
