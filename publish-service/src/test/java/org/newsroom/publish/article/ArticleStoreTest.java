package org.newsroom.publish.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.publish.EnrichedArticles.DEEPMIND;
import static org.newsroom.publish.EnrichedArticles.MERKEL_IN_BERLIN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.publish.EnrichedArticles;
import org.newsroom.publish.TestMongo;
import org.newsroom.publish.web.InvalidParameterException;
import reactor.core.publisher.Mono;

/** Article lists against MongoDB over TCP: keyset pages, filters, and withdrawn articles left out. */
class ArticleStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private static MongoClient client;

    private static MongoDatabase database;

    private ArticleStore store;

    private long offset;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri("article-store-test"));
        database = client.getDatabase("article-store-test");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void start() {
        Mono.from(database.drop()).block(TIMEOUT);
        store = new ArticleStore(database);
        store.afterPropertiesSet();
    }

    @Test
    void pagesNewestFirstWithoutRepeatsOrGapsAndEndsWithNoNextCursor() {
        // Given five articles, two of them created at the same instant
        store("urn:1", 1, ArticleAction.PUBLISHED, T0, MERKEL_IN_BERLIN, "en");
        store("urn:2", 1, ArticleAction.PUBLISHED, T0.plusSeconds(60), MERKEL_IN_BERLIN, "en");
        store("urn:3", 1, ArticleAction.PUBLISHED, T0.plusSeconds(60), MERKEL_IN_BERLIN, "en");
        store("urn:4", 1, ArticleAction.PUBLISHED, T0.plusSeconds(120), MERKEL_IN_BERLIN, "en");
        store("urn:5", 1, ArticleAction.PUBLISHED, T0.plusSeconds(180), MERKEL_IN_BERLIN, "en");

        // When they are read two at a time, an update of a read one happening between pages
        List<List<String>> pages = new ArrayList<>();
        ArticlePage page = page(ArticleFilter.NONE, null, 2);
        pages.add(uris(page));
        store("urn:5", 2, ArticleAction.UPDATED, T0.plusSeconds(180), MERKEL_IN_BERLIN, "en");
        while (page.next() != null) {
            page = page(ArticleFilter.NONE, PageCursor.decode(page.next(), "before"), 2);
            pages.add(uris(page));
        }

        // Then every article comes once, newest first, the tie broken by id
        List<String> tied = Stream.of("urn:2", "urn:3")
                .sorted(Comparator.comparing(ArticleIds::fromUri, Comparator.reverseOrder()))
                .toList();
        assertThat(pages).containsExactly(List.of("urn:5", "urn:4"), tied, List.of("urn:1"));
    }

    @Test
    void filtersByEntityLanguageAndTypeAndLeavesOutWithdrawnArticles() {
        // Given articles in two languages about different entities, one of them killed
        store("urn:merkel", 1, ArticleAction.PUBLISHED, T0, MERKEL_IN_BERLIN, "en-GB");
        store("urn:deepmind", 1, ArticleAction.PUBLISHED, T0.plusSeconds(60), DEEPMIND, "de");
        store("urn:killed", 1, ArticleAction.PUBLISHED, T0.plusSeconds(120), MERKEL_IN_BERLIN, "en-GB");
        store("urn:killed", 2, ArticleAction.KILLED, T0.plusSeconds(120), MERKEL_IN_BERLIN, "en-GB");

        // Then
        assertThat(uris(page(ArticleFilter.NONE, null, 20))).containsExactly("urn:deepmind", "urn:merkel");
        assertThat(uris(page(filter(List.of("q567"), List.of(), List.of()), null, 20))).containsExactly("urn:merkel");
        assertThat(uris(page(filter(List.of("Google DeepMind", "nobody"), List.of(), List.of()), null, 20)))
                .containsExactly("urn:deepmind");
        assertThat(uris(page(filter(List.of(), List.of("EN-gb"), List.of()), null, 20))).containsExactly("urn:merkel");
        assertThat(uris(page(filter(List.of(), List.of(), List.of("organization")), null, 20)))
                .containsExactly("urn:deepmind");
        assertThat(uris(page(filter(List.of("Angela Merkel"), List.of("de"), List.of()), null, 20))).isEmpty();
    }

    @Test
    void aForeignCursorOrTypeNamesItsParameter() {
        assertThatThrownBy(() -> PageCursor.decode("not-a-cursor", "before"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        error -> assertThat(error.getBody().getProperties()).containsEntry("parameter", "before"));
        assertThatThrownBy(() -> filter(List.of(), List.of(), List.of("planet")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        error -> assertThat(error.getBody().getProperties()).containsEntry("parameter", "type"));
    }

    private static ArticleFilter filter(List<String> entities, List<String> languages, List<String> types) {
        return ArticleFilter.of(entities, languages, types);
    }

    private ArticlePage page(ArticleFilter filter, PageCursor before, int limit) {
        return store.page(filter, before, limit).block(TIMEOUT);
    }

    private static List<String> uris(ArticlePage page) {
        return page.items().stream().map(ArticleView::uri).toList();
    }

    private void store(String uri, long version, ArticleAction action, Instant firstCreated, List<Entity> entities,
            String language) {
        EnrichedArticleEvent template = EnrichedArticles.enriched(uri, version, action, uri, language, entities);
        ArticleEvent article = template.article();
        EnrichedArticleEvent event = new EnrichedArticleEvent(template.schemaVersion(), template.eventId(),
                new ArticleEvent(article.schemaVersion(), article.eventId(), action, uri, version, article.headline(),
                        article.body(), article.source(), article.partnerId(), language, firstCreated,
                        article.receivedAt(), article.relatedHints()),
                template.enrichment());
        assertThat(store.storeIfNewer(ArticleDocument.of(event, new SourcePosition(0, offset++), T0, null)).block(TIMEOUT))
                .isTrue();
    }
}
