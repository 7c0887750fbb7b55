package org.newsroom.ingest.story;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Bounds;
import org.newsroom.ingest.ledger.Intent;

/**
 * Turns a {@link StoryRequest} into a normalized {@link Story} or rejects it with every field
 * violation at once, so that a partner can fix a story in one round trip. Length limits apply to
 * the normalized text, the text that is stored, so that whitespace a partner's system adds never
 * counts against them.
 */
public final class StoryValidator {

    public static final int MAX_URI_CHARS = 2048;

    public static final int MAX_HEADLINE_CHARS = 1000;

    public static final int MAX_SOURCE_CHARS = 200;

    public static final int MAX_RELATED_HINTS = 20;

    /** RFC 8141: {@code urn:<namespace id>:<namespace specific string>}. */
    private static final Pattern URN = Pattern.compile("(?i)urn:[a-z0-9][a-z0-9-]{0,30}[a-z0-9]:.+");

    /**
     * Every text field of every format passes the sanitizer here, whatever the format declared: text
     * that looks like HTML is reduced to its plain text (see {@link SanitizedHtml#plainText}).
     */
    private static final UnaryOperator<String> PLAIN_SINGLE_LINE = text -> TextNormalizer
            .singleLine(SanitizedHtml.plainText(text));

    private static final UnaryOperator<String> PLAIN_MULTI_LINE = text -> TextNormalizer
            .multiLine(SanitizedHtml.plainText(text));

    private final int maxBodyChars;

    public StoryValidator(int maxBodyChars) {
        this.maxBodyChars = maxBodyChars;
    }

    /**
     * @throws StoryTooLargeException if the body is longer than the limit, whatever else is wrong
     * @throws StoryRejectedException if any field is missing or invalid
     */
    // Each field left null here added a violation, and violations throw before the story is made.
    @SuppressWarnings("NullAway")
    public Story validate(StoryRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        String uri = uri(request.uri(), violations);
        long version = version(request.version(), violations);
        String headline = bounded("headline", required("headline", request.headline(), PLAIN_SINGLE_LINE,
                violations), MAX_HEADLINE_CHARS, violations);
        String body = required("body", request.body(), PLAIN_MULTI_LINE, violations);
        if (body != null && body.length() > maxBodyChars) {
            throw new StoryTooLargeException(tooLong("body", maxBodyChars));
        }
        String source = bounded("source", required("source", request.source(), PLAIN_SINGLE_LINE,
                violations), MAX_SOURCE_CHARS, violations);
        Instant firstCreated = instant("firstCreated", required("firstCreated", request.firstCreated(),
                TextNormalizer::trimmed, violations), violations);
        Instant embargoedUntil = request.embargoed() == null ? null
                : instant("embargoed", TextNormalizer.trimmed(request.embargoed()), violations);
        List<String> relatedHints = relatedHints(request.relatedHints(), violations);
        String language = language(request.language(), violations);
        Intent intent = intent(request, violations);
        if (!violations.isEmpty()) {
            throw new StoryRejectedException(violations);
        }
        return new Story(uri, version, headline, body, source, firstCreated, language, embargoedUntil, relatedHints,
                intent);
    }

    private static @Nullable String uri(@Nullable String raw, List<FieldViolation> violations) {
        String uri = bounded("uri", required("uri", raw, TextNormalizer::trimmed, violations), MAX_URI_CHARS,
                violations);
        if (uri != null && !isStoryUri(uri)) {
            violations.add(new FieldViolation("uri", "must be an absolute http(s) URL or a urn: URI"));
            return null;
        }
        return uri;
    }

    /** Whether {@code text} may identify a story: an absolute http(s) URL or an RFC 8141 URN. */
    public static boolean isStoryUri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "http", "https" -> uri.getHost() != null;
                case "urn" -> URN.matcher(text).matches();
                default -> false;
            };
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private static long version(@Nullable Long version, List<FieldViolation> violations) {
        if (version == null) {
            return 1;
        }
        if (version < 1) {
            violations.add(new FieldViolation("version", "must be at least 1"));
        }
        if (version > Bounds.MAX_VERSION) {
            violations.add(new FieldViolation("version", "must be at most " + Bounds.MAX_VERSION));
        }
        return version;
    }

    private static @Nullable Instant instant(String field, @Nullable String text, List<FieldViolation> violations) {
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        }
        catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 instant such as 2026-01-02T03:04:05Z"));
            return null;
        }
        // Instant.parse takes years up to ±1,000,000,000; later stages hold four-digit years only.
        if (!Bounds.representable(instant)) {
            violations.add(new FieldViolation(field, "must lie between the years 0001 and 9999"));
            return null;
        }
        return instant;
    }

    /** Titles, each on one line like a headline; blank ones are dropped, a bounded number kept. */
    private static List<String> relatedHints(@Nullable List<String> raw, List<FieldViolation> violations) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_RELATED_HINTS) {
            violations.add(new FieldViolation("relatedHints", "must hold at most " + MAX_RELATED_HINTS + " titles"));
            return List.of();
        }
        List<String> hints = new ArrayList<>();
        for (String hint : raw) {
            String title = hint == null ? "" : PLAIN_SINGLE_LINE.apply(hint);
            if (title.isEmpty()) {
                continue;
            }
            if (!isStorableText(title)) {
                violations.add(new FieldViolation("relatedHints",
                        "must not contain control characters or unpaired surrogates"));
                continue;
            }
            String bounded = bounded("relatedHints", title, MAX_HEADLINE_CHARS, violations);
            if (bounded != null) {
                hints.add(bounded);
            }
        }
        return hints;
    }

    /** Canonical case ({@code en-gb} becomes {@code en-GB}), so that consumers can compare tags. */
    private static @Nullable String language(@Nullable String raw, List<FieldViolation> violations) {
        if (raw == null) {
            return null;
        }
        try {
            String tag = TextNormalizer.trimmed(raw);
            if (tag.isEmpty()) {
                throw new IllformedLocaleException("empty tag");
            }
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        }
        catch (IllformedLocaleException e) {
            violations.add(new FieldViolation("language", "must be a BCP 47 language tag such as en or en-GB"));
            return null;
        }
    }

    /**
     * The partner's intent from {@code pubstatus} and {@code correction}; a kill wins over a
     * correction because the article must disappear either way.
     */
    private static Intent intent(StoryRequest request, List<FieldViolation> violations) {
        String pubstatus = request.pubstatus() == null ? "usable"
                : TextNormalizer.trimmed(request.pubstatus()).toLowerCase(Locale.ROOT);
        switch (pubstatus) {
            case "canceled", "withheld" -> {
                return Intent.KILL;
            }
            case "usable" -> {
                return Boolean.TRUE.equals(request.correction()) ? Intent.CORRECTION : Intent.STORY;
            }
            default -> {
                violations.add(new FieldViolation("pubstatus", "must be usable, canceled or withheld"));
                return Intent.STORY;
            }
        }
    }

    private static @Nullable String required(String field, @Nullable String raw, UnaryOperator<String> normalizer,
            List<FieldViolation> violations) {
        if (raw == null) {
            violations.add(new FieldViolation(field, "is required"));
            return null;
        }
        String normalized = normalizer.apply(raw);
        if (normalized.isEmpty()) {
            violations.add(new FieldViolation(field, "must not be blank"));
            return null;
        }
        if (!isStorableText(normalized)) {
            violations.add(new FieldViolation(field, "must not contain control characters or unpaired surrogates"));
            return null;
        }
        return normalized;
    }

    /**
     * No C0/C1 control characters but tab and line breaks, no unpaired UTF-16 surrogates. Such text
     * is never a partner's intent (a NUL is a truncated C string, a lone surrogate a broken encoder),
     * and it cannot be written as the UTF-8 JSON of the article log.
     */
    public static boolean isStorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String bounded(String field, @Nullable String value, int maxChars,
            List<FieldViolation> violations) {
        if (value != null && value.length() > maxChars) {
            violations.add(tooLong(field, maxChars));
            return null;
        }
        return value;
    }

    private static FieldViolation tooLong(String field, int maxChars) {
        return new FieldViolation(field, "must be at most " + maxChars + " characters");
    }
}
