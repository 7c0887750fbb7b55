package org.newsroom.ingest.story.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.story.FieldViolation;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryUnreadableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a story as partners paste it ({@code text/plain}): the first non-blank line is the headline,
 * the rest is the body. What plain text cannot say travels in headers:
 * <ul>
 * <li>{@value #URI_HEADER} (required): the story's uri, as in native JSON</li>
 * <li>{@value #VERSION_HEADER} (optional, default 1): the editorial version</li>
 * <li>{@value #FIRST_CREATED_HEADER} (optional, default the time of receipt): an ISO-8601 instant;
 *     defaulting is safe because a paste has no better creation time, and it never affects dedupe</li>
 * <li>{@code Content-Language} (optional): the BCP 47 language tag</li>
 * <li>{@value #EMBARGOED_HEADER} (optional): an ISO-8601 instant before which the story is held</li>
 * </ul>
 * Partner boilerplate is taken out of the body: a line {@code Continue reading at <Source>.} names
 * the source (the last one wins), {@code Read more <title> →} lines become the story's related hints.
 * Paragraphs: if the text separates them with blank lines, single line breaks stay inside a
 * paragraph; otherwise every line is a paragraph, as in pasted web copy.
 */
@Component
public class PlainTextStoryReader {

    public static final String URI_HEADER = "X-Story-Uri";

    public static final String VERSION_HEADER = "X-Story-Version";

    public static final String FIRST_CREATED_HEADER = "X-First-Created";

    public static final String EMBARGOED_HEADER = "X-Embargoed";

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

    private static final Pattern ATTRIBUTION = Pattern.compile("\\s*Continue reading at (.+?)\\.?\\s*");

    private static final Pattern RELATED = Pattern.compile("\\s*Read more (.+?)\\s*(?:→|->)\\s*");

    private final Clock clock;

    PlainTextStoryReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws StoryUnreadableException if the body is empty or not in its declared charset
     * @throws StoryRejectedException if a header is missing or malformed
     */
    public StoryRequest read(byte[] body, HttpHeaders headers) {
        List<FieldViolation> violations = new ArrayList<>();
        String uri = headers.getFirst(URI_HEADER);
        if (uri == null || uri.isBlank()) {
            violations.add(new FieldViolation(URI_HEADER, "header is required"));
        }
        Long version = version(headers.getFirst(VERSION_HEADER), violations);
        if (!violations.isEmpty()) {
            throw new StoryRejectedException(violations);
        }
        String firstCreated = headers.getFirst(FIRST_CREATED_HEADER);
        if (firstCreated == null) {
            firstCreated = clock.instant().toString();
        }
        String language = headers.getFirst(HttpHeaders.CONTENT_LANGUAGE);
        return parse(decode(body, headers.getContentType()), uri, version, firstCreated, language,
                headers.getFirst(EMBARGOED_HEADER));
    }

    private static StoryRequest parse(String text, @Nullable String uri, @Nullable Long version,
            String firstCreated, @Nullable String language, @Nullable String embargoed) {
        List<String> lines = new ArrayList<>(List.of(LINE_BREAK.split(text, -1)));
        String headline = null;
        while (!lines.isEmpty() && headline == null) {
            String line = lines.remove(0);
            headline = line.isBlank() ? null : line;
        }
        String source = null;
        List<String> related = new ArrayList<>();
        List<String> bodyLines = new ArrayList<>();
        for (String line : lines) {
            Matcher attribution = ATTRIBUTION.matcher(line);
            Matcher relatedStory = RELATED.matcher(line);
            if (attribution.matches()) {
                source = attribution.group(1);
            }
            else if (relatedStory.matches()) {
                related.add(relatedStory.group(1));
            }
            else {
                bodyLines.add(line);
            }
        }
        return new StoryRequest(uri, version, headline, paragraphs(bodyLines), source, firstCreated, language, null,
                null, embargoed, related);
    }

    /** Blank-line separated text keeps its paragraphs; otherwise each line becomes one. */
    private static String paragraphs(List<String> lines) {
        String trimmed = String.join("\n", lines).strip();
        boolean blankLineSeparated = trimmed.lines().anyMatch(String::isBlank);
        return blankLineSeparated ? trimmed : String.join("\n\n", trimmed.lines().toList());
    }

    private static @Nullable Long version(@Nullable String raw, List<FieldViolation> violations) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        }
        catch (NumberFormatException e) {
            violations.add(new FieldViolation(VERSION_HEADER, "must be an integer"));
            return null;
        }
    }

    /** Strict decoding: a wrong charset would silently garble names that enrichment then misses. */
    private static String decode(byte[] body, @Nullable MediaType contentType) {
        if (body.length == 0) {
            throw StoryUnreadableException.missingBody();
        }
        Charset charset = contentType == null || contentType.getCharset() == null ? StandardCharsets.UTF_8
                : contentType.getCharset();
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        }
        catch (CharacterCodingException e) {
            throw StoryUnreadableException.notInCharset(charset);
        }
    }
}
