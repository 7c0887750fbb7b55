package org.newsroom.ingest.story;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A story as a partner posts it. Every field is nullable here because the request is checked by
 * {@link StoryValidator}, which reports all missing fields at once instead of failing on the first.
 *
 * @param uri the story's stable identifier: an absolute http(s) URL or a {@code urn:}
 * @param version the editorial version, 1 when absent, at most 2^53 − 1
 * @param headline the headline as plain text; HTML is sanitized and read as plain text, as in
 *        every text field of every format
 * @param body the body as plain text, or as HTML, which is sanitized and read as plain text (see
 *        {@link SanitizedHtml})
 * @param source who the story is attributed to
 * @param firstCreated an ISO-8601 instant; kept as text so that a malformed value is reported as a
 *        field error like any other
 * @param language an optional BCP 47 language tag
 * @param pubstatus IPTC publication status: {@code usable} (default), or {@code canceled} /
 *        {@code withheld} to kill the article
 * @param correction {@code true} if this version corrects an error in the previous one
 * @param embargoed an ISO-8601 instant before which the story must not be published; the story is
 *        held until then (see {@code org.newsroom.ingest.embargo})
 * @param relatedHints titles of related stories the partner points to, like its "Read more" lines
 */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "A native story; a field not listed here is refused (400 naming it)")
public record StoryRequest(
        @Nullable String uri,
        @Nullable Long version,
        @Nullable String headline,
        @Nullable String body,
        @Nullable String source,
        @Nullable String firstCreated,
        @Nullable String language,
        @Nullable String pubstatus,
        @Nullable Boolean correction,
        @Nullable String embargoed,
        @Nullable List<String> relatedHints) {

    /** A routine story: usable, no correction. */
    public StoryRequest(@Nullable String uri, @Nullable Long version, @Nullable String headline, @Nullable String body,
            @Nullable String source, @Nullable String firstCreated, @Nullable String language) {
        this(uri, version, headline, body, source, firstCreated, language, null, null, null, null);
    }
}
