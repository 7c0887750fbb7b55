package org.newsroom.ingest.story.web;

import org.newsroom.ingest.story.StoryAccepted;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * What operators watch of the intake: stories accepted, by format and by what acceptance meant, and
 * stories refused, by the title of the problem the partner was answered with. Titles are the
 * reason phrases of a handful of HTTP statuses, so the reason tag stays low in cardinality where a
 * problem's detail (naming fields and values) would not.
 */
@Component
public class StoryMetrics {

    static final String ACCEPTED = "newsroom.stories.accepted";

    static final String REJECTED = "newsroom.stories.rejected";

    static final String FIELDS_REFUSED = "newsroom.stories.fields.refused";

    private final MeterRegistry registry;

    public StoryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param format how the story came: {@code json}, {@code text}, {@code ndjson}, {@code ninjs} or {@code feed}
     * @param status {@link StoryAccepted#ACCEPTED}, {@link StoryAccepted#HELD} or {@link StoryAccepted#DUPLICATE}
     */
    void accepted(String format, String status) {
        Counter.builder(ACCEPTED)
                .description("Stories confirmed to a partner: written now, held under embargo, or already held")
                .tag("format", format)
                .tag("status", status)
                .register(registry)
                .increment();
    }

    /** A story refused with this HTTP status, whether a whole request or one line or item of a batch. */
    void rejected(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        Counter.builder(REJECTED)
                .description("Stories refused with a problem, by the problem's title")
                .tag("reason", known != null ? known.getReasonPhrase() : status.value() / 100 + "xx")
                .register(registry)
                .increment();
    }

    /**
     * A field at fault in a refused story (400 or 413 naming it), by the story's field name; fields
     * the story does not have share one tag value, so that partners cannot grow the tags.
     */
    void fieldRefused(String field) {
        Counter.builder(FIELDS_REFUSED)
                .description("Fields named by refused stories: the rule a partner broke, by field")
                .tag("field", field.replaceAll("\\[\\d+]", ""))
                .register(registry)
                .increment();
    }
}
