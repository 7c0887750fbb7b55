package org.newsroom.publish.article;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.Entity;
import org.newsroom.contract.RelatedLink;

/**
 * An article as clients see it, both from {@code GET /v1/articles/{id}} and as the data of a stream
 * event. The partner id stays internal.
 *
 * @param id the public article id, {@code ArticleIds.fromUri(uri)}
 * @param uri the partner's story uri
 * @param version the stored editorial version
 * @param action what the stored version did to the article
 * @param headline the headline as plain text
 * @param body the body as plain text; none once the article is withdrawn
 * @param source who the story is attributed to
 * @param language the partner-declared language, else the detected one, if any
 * @param firstCreated when the story was first created
 * @param receivedAt when ingest-service accepted this version
 * @param entities named entities, most salient first
 * @param related earlier related articles
 * @param keywords the terms that characterize the article, most characteristic first
 * @param clusterId the story cluster of the article ({@code GET /v1/clusters/{id}}): the articles of any
 *        partner reporting the same event; none once withdrawn or where clustering did not run
 * @param enrichmentVersion engine and model that produced the enrichment
 * @param enrichedAt when the enrichment was computed
 * @param storedAt when publish-service stored this version
 * @param withdrawn whether the article was killed: its body, entities and related links are gone
 * @param traceId the trace of the partner's push that made this version, as in the services' logs,
 *        when it was traced
 */
public record ArticleView(
        String id,
        String uri,
        long version,
        ArticleAction action,
        String headline,
        @Nullable String body,
        String source,
        @Nullable String language,
        Instant firstCreated,
        Instant receivedAt,
        List<Entity> entities,
        List<RelatedLink> related,
        List<String> keywords,
        @Nullable String clusterId,
        String enrichmentVersion,
        Instant enrichedAt,
        Instant storedAt,
        boolean withdrawn,
        @Nullable String traceId) {

    public ArticleView {
        entities = List.copyOf(entities);
        related = List.copyOf(related);
        keywords = List.copyOf(keywords);
    }
}
