package org.newsroom.publish;

import java.time.Instant;
import java.util.List;

import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.RelatedLink;
import org.newsroom.contract.StoryCluster;
import org.newsroom.contract.TextField;

/** Enriched articles for tests; instants have millisecond precision, as MongoDB stores them. */
public final class EnrichedArticles {

    public static final Instant FIRST_CREATED = Instant.parse("2025-03-01T08:00:00.123Z");

    private EnrichedArticles() {
    }

    /** An article about Angela Merkel in Berlin, the headline telling the version apart. */
    public static EnrichedArticleEvent enriched(String uri, long version, ArticleAction action, String headline) {
        return enriched(uri, version, action, headline, "en", MERKEL_IN_BERLIN);
    }

    /** An article in the given language mentioning the given entities. */
    public static EnrichedArticleEvent enriched(String uri, long version, ArticleAction action, String headline,
            String language, List<Entity> entities) {
        String body = "Angela Merkel spoke in Berlin on Monday.";
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "event-" + version, action, uri, version,
                headline, body, "Newsroom Wire", "partner-1", language, FIRST_CREATED,
                FIRST_CREATED.plusSeconds(60 * version), List.of());
        Enrichment enrichment = new Enrichment("corenlp-4.5.10/conll.4class", language, entities,
                List.of(new RelatedLink("urn:newsroom:earlier", "Earlier story", 0.5, "shared entities")),
                List.of("chancellor", "visit"), FIRST_CREATED.plusSeconds(60 * version + 1));
        return new EnrichedArticleEvent(EnrichedArticleEvent.SCHEMA_VERSION, "enriched-" + version, article,
                enrichment);
    }

    /** A report of the story cluster, attributed to the source, naming an organization of the Valley Dam. */
    public static EnrichedArticleEvent clustered(String uri, long version, ArticleAction action, String headline,
            Instant firstCreated, String clusterId, double score, String source) {
        return clustered(uri, version, action, headline, firstCreated, clusterId, score, source,
                "Valley Dam Authority");
    }

    /** A report of the story cluster, attributed to the source and naming the entity. */
    public static EnrichedArticleEvent clustered(String uri, long version, ArticleAction action, String headline,
            Instant firstCreated, String clusterId, double score, String source, String entity) {
        Entity named = new Entity(entity, EntityType.ORGANIZATION,
                List.of(new Mention(TextField.BODY, 0, entity.length(), entity)), 0.8, 0.9, null);
        EnrichedArticleEvent base = enriched(uri, version, action, headline, "en", List.of(named));
        ArticleEvent a = base.article();
        ArticleEvent article = new ArticleEvent(a.schemaVersion(), a.eventId() + "-" + uri, a.action(), uri,
                a.version(), headline, entity + " said the dam broke.", source, a.partnerId(), a.language(),
                firstCreated, a.receivedAt(), a.relatedHints());
        Enrichment e = base.enrichment();
        StoryCluster cluster = action == ArticleAction.KILLED ? null
                : new StoryCluster(clusterId, clusterId.substring(2), 0, score, "same event: " + score);
        Enrichment enrichment = new Enrichment(e.enrichmentVersion(), e.language(), e.entities(), e.related(),
                e.keywords(), e.enrichedAt(), null, List.of(), cluster);
        return new EnrichedArticleEvent(base.schemaVersion(), base.eventId() + "-" + uri, article, enrichment);
    }

    /** Angela Merkel (linked to Q567) and Berlin (not linked). */
    public static final List<Entity> MERKEL_IN_BERLIN = merkelInBerlin();

    /** Google DeepMind, an organization without a link. */
    public static final List<Entity> DEEPMIND = List.of(new Entity("Google DeepMind", EntityType.ORGANIZATION,
            List.of(new Mention(TextField.HEADLINE, 0, 15, "Google DeepMind")), 0.8, 0.93, null));

    private static List<Entity> merkelInBerlin() {
        Entity merkel = new Entity("Angela Merkel", EntityType.PERSON,
                List.of(new Mention(TextField.BODY, 0, 13, "Angela Merkel")), 0.9, 0.99,
                new EntityLink("Q567", "https://en.wikipedia.org/wiki/Angela_Merkel"));
        Entity berlin = new Entity("Berlin", EntityType.LOCATION,
                List.of(new Mention(TextField.BODY, 23, 29, "Berlin")), 0.4, null, null);
        return List.of(merkel, berlin);
    }
}
