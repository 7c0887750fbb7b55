package org.newsroom.publish.article;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.RelatedLink;
import org.newsroom.contract.StoryCluster;
import org.newsroom.contract.TextField;

/**
 * One article of the {@code articles} collection. Instants are stored as BSON dates so that they
 * can be queried and indexed; BSON dates hold milliseconds, so views built from this document carry
 * the stored precision, whether they come from a fresh write or from a read. The source position of
 * the record that stored the version stays internal, like the partner id.
 */
public final class ArticleDocument {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String FIRST_CREATED = "firstCreated";
    static final String LANGUAGE = "language";
    static final String LANGUAGE_KEY = "languageKey";
    static final String ENTITY_KEYS = "entityKeys";
    static final String ENTITY_TYPES = "entities.type";
    static final String WITHDRAWN = "withdrawn";
    static final String CLUSTER_ID = "clusterId";

    /** Fields that stay inside publish-service: not part of the view, not copied into stream events. */
    private static final List<String> INTERNAL_FIELDS = List.of("partnerId", "sourcePosition", ENTITY_KEYS,
            LANGUAGE_KEY);

    private final Document document;

    private final SourcePosition position;

    private final EnrichedArticleEvent event;

    private ArticleDocument(Document document, SourcePosition position, EnrichedArticleEvent event) {
        this.document = document;
        this.position = position;
        this.event = event;
    }

    /**
     * The document for an enriched article. The language is the partner's declaration when there is
     * one, because the partner knows its story; detection only fills the gap.
     */
    public static ArticleDocument of(EnrichedArticleEvent event, SourcePosition position, Instant storedAt,
            @Nullable String traceId) {
        ArticleEvent article = event.article();
        boolean withdrawn = article.action() == ArticleAction.KILLED;
        Enrichment enrichment = withdrawn ? withdrawn(event.enrichment()) : event.enrichment();
        StoryCluster cluster = enrichment.cluster();
        String language = article.language() != null ? article.language() : enrichment.language();
        Document document = new Document(ID, ArticleIds.fromUri(article.uri()))
                .append("uri", article.uri())
                .append(VERSION, article.version())
                .append("action", article.action().name())
                .append("headline", article.headline())
                .append("body", withdrawn ? null : article.body())
                .append("source", article.source())
                .append("partnerId", article.partnerId())
                .append(LANGUAGE, language)
                .append(LANGUAGE_KEY, ArticleFilter.languageKey(language))
                .append(FIRST_CREATED, Date.from(article.firstCreated()))
                .append("receivedAt", Date.from(article.receivedAt()))
                .append("entities", enrichment.entities().stream().map(ArticleDocument::entity).toList())
                .append(ENTITY_KEYS, enrichment.entities().stream()
                        .flatMap(entity -> EntityKeys.of(entity).stream()).distinct().toList())
                .append("related", enrichment.related().stream().map(ArticleDocument::related).toList())
                .append("keywords", enrichment.keywords())
                .append(CLUSTER_ID, cluster == null ? null : cluster.id())
                .append("enrichmentVersion", enrichment.enrichmentVersion())
                .append("enrichedAt", Date.from(enrichment.enrichedAt()))
                .append("storedAt", Date.from(storedAt))
                .append(WITHDRAWN, withdrawn)
                .append("traceId", traceId)
                .append("sourcePosition",
                        new Document("partition", position.partition()).append("offset", position.offset()));
        return new ArticleDocument(document, position, event);
    }

    /**
     * What a kill keeps of an enrichment: only what identifies how it was made. Its entities,
     * related links and keywords must not be served any more, and a killed article leaves its cluster.
     */
    private static Enrichment withdrawn(Enrichment enrichment) {
        return new Enrichment(enrichment.enrichmentVersion(), enrichment.language(), List.of(), List.of(), List.of(),
                enrichment.enrichedAt(), enrichment.entitiesOmitted(), List.of(), null);
    }

    public String id() {
        return document.getString(ID);
    }

    public long version() {
        return document.getLong(VERSION);
    }

    public SourcePosition position() {
        return position;
    }

    /** The enriched article this document was made of. */
    public EnrichedArticleEvent event() {
        return event;
    }

    /** The story cluster of this version; none once withdrawn or where clustering did not run. */
    public @Nullable String clusterId() {
        return document.getString(CLUSTER_ID);
    }

    /** The whole document as the {@code articles} collection holds it. */
    public Document storedDocument() {
        return new Document(document);
    }

    /** Whether this version withdraws the article. */
    public boolean withdrawn() {
        return document.getBoolean(WITHDRAWN);
    }

    public ArticleView toView() {
        return toView(document);
    }

    /** The article as clients see it, as a document; what a stream event keeps of the version it made. */
    public Document viewDocument() {
        Document view = new Document(document);
        INTERNAL_FIELDS.forEach(view::remove);
        return view;
    }

    /** Reads a document written by {@link #viewDocument()} or stored in the {@code articles} collection. */
    public static ArticleView viewOf(Document document) {
        return toView(document);
    }

    static ArticleView toView(Document document) {
        return new ArticleView(
                document.getString(ID),
                document.getString("uri"),
                document.getLong(VERSION),
                ArticleAction.valueOf(document.getString("action")),
                document.getString("headline"),
                document.getString("body"),
                document.getString("source"),
                document.getString("language"),
                instant(document, "firstCreated"),
                instant(document, "receivedAt"),
                document.getList("entities", Document.class).stream().map(ArticleDocument::entity).toList(),
                document.getList("related", Document.class).stream().map(ArticleDocument::related).toList(),
                document.getList("keywords", String.class, List.of()),
                document.getString(CLUSTER_ID),
                document.getString("enrichmentVersion"),
                instant(document, "enrichedAt"),
                instant(document, "storedAt"),
                document.getBoolean(WITHDRAWN, false),
                document.getString("traceId"));
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }

    private static Document entity(Entity entity) {
        return new Document("name", entity.name())
                .append("type", entity.type().name())
                .append("mentions", entity.mentions().stream().map(ArticleDocument::mention).toList())
                .append("salience", entity.salience())
                .append("confidence", entity.confidence())
                .append("link", link(entity.link()));
    }

    private static Entity entity(Document document) {
        return new Entity(
                document.getString("name"),
                EntityType.valueOf(document.getString("type")),
                document.getList("mentions", Document.class).stream().map(ArticleDocument::mention).toList(),
                document.getDouble("salience"),
                document.getDouble("confidence"),
                link(document.get("link", Document.class)));
    }

    private static Document mention(Mention mention) {
        return new Document("field", mention.field().name())
                .append("start", mention.start())
                .append("end", mention.end())
                .append("text", mention.text());
    }

    private static Mention mention(Document document) {
        return new Mention(TextField.valueOf(document.getString("field")), document.getInteger("start"),
                document.getInteger("end"), document.getString("text"));
    }

    private static @Nullable Document link(@Nullable EntityLink link) {
        return link == null ? null
                : new Document("wikidataId", link.wikidataId()).append("wikipediaUrl", link.wikipediaUrl());
    }

    private static @Nullable EntityLink link(@Nullable Document document) {
        return document == null ? null
                : new EntityLink(document.getString("wikidataId"), document.getString("wikipediaUrl"));
    }

    private static Document related(RelatedLink related) {
        return new Document("uri", related.uri())
                .append("title", related.title())
                .append("score", related.score())
                .append("reason", related.reason());
    }

    private static RelatedLink related(Document document) {
        return new RelatedLink(document.getString("uri"), document.getString("title"), document.getDouble("score"),
                document.getString("reason"));
    }
}
