package org.newsroom.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;

/**
 * The plain-text stories of the repository's {@code samples/} folder as ingest writes them to the
 * article topic: headline first, the body without the "Read more … →" and "Continue reading at …"
 * lines of the partner's page.
 */
public final class SampleArticles {

    /** The sample story of the README. */
    public static final String STORY = "partner-story-deepmind-a24.txt";
    /** The same event in another partner's words. */
    public static final String REWRITE = "partner-story-deepmind-a24-rewrite.txt";

    private SampleArticles() {
    }

    public static ArticleEvent article(String sample, String uri, String partnerId, Instant firstCreated, long version) {
        String story = read(sample);
        int endOfHeadline = story.indexOf('\n');
        String body = story.substring(endOfHeadline + 1).lines()
                .filter(line -> !line.startsWith("Read more ") && !line.startsWith("Continue reading at "))
                .collect(Collectors.joining("\n"));
        return event(ArticleAction.PUBLISHED, uri, partnerId, story.substring(0, endOfHeadline), body, firstCreated,
                version);
    }

    public static ArticleEvent event(ArticleAction action, String uri, String partnerId, String headline, String body,
            Instant firstCreated, long version) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), action, uri, version,
                headline, body, partnerId, partnerId, null, firstCreated, firstCreated.plusSeconds(60), List.of());
    }

    /** The kill of an article, as ingest writes it: no text. */
    public static ArticleEvent kill(ArticleEvent article) {
        return event(ArticleAction.KILLED, article.uri(), article.partnerId(), "", "", article.firstCreated(),
                article.version() + 1);
    }

    private static String read(String sample) {
        try (InputStream in = SampleArticles.class.getResourceAsStream("/samples/" + sample)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + sample);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
