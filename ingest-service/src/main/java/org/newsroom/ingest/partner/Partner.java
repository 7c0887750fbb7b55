package org.newsroom.ingest.partner;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A partner allowed to push stories, as configured under {@code newsroom.ingest.partners[n]}.
 *
 * @param id the partner's name inside the newsroom; every event it pushes carries it as {@code partnerId}
 * @param apiKey sent in {@code X-Api-Key} to say which partner signs; it identifies, the secret proves
 * @param secret the HMAC-SHA256 key (its UTF-8 bytes) shared with the partner; it never travels
 * @param allowedSources the sources the partner may attribute stories to, compared case-insensitively
 *        after whitespace normalization; empty means any source, for partners that syndicate others
 * @param storiesPerMinute how many stories the partner may send per minute, with bursts up to that
 *        many; a batch or feed counts each of its lines or items. 0 means unlimited, never the default:
 *        one partner's flood must not starve the others
 * @param bodyOnlySignature whether the partner may still sign with {@code X-Signature} over the body
 *        alone, which is replayable and leaves the headers unsigned: for the migration to the
 *        {@link WebhookSignature} scheme only. Allowed unless configured {@code false}, as docker
 *        compose does; a partner that signs with {@code webhook-signature} is never held to the old scheme
 */
public record Partner(@NotBlank String id, @NotBlank String apiKey, @NotBlank String secret,
        List<String> allowedSources, @PositiveOrZero int storiesPerMinute, boolean bodyOnlySignature) {

    /** The constructor that configuration binds to. */
    @ConstructorBinding
    public Partner(String id, String apiKey, String secret, @Nullable List<String> allowedSources,
            @DefaultValue(DEFAULT_STORIES_PER_MINUTE) int storiesPerMinute,
            @DefaultValue("true") boolean bodyOnlySignature) {
        this.id = id;
        this.apiKey = apiKey;
        this.secret = secret;
        this.allowedSources = allowedSources == null ? List.of()
                : allowedSources.stream().map(Partner::comparable).toList();
        this.storiesPerMinute = storiesPerMinute;
        this.bodyOnlySignature = bodyOnlySignature;
    }

    /** A partner that may still sign the body alone, as configuration binds one by default. */
    public Partner(String id, String apiKey, String secret, @Nullable List<String> allowedSources,
            int storiesPerMinute) {
        this(id, apiKey, secret, allowedSources, storiesPerMinute, true);
    }

    /** 50 a second sustained: far above a wire's pace, far below what floods an instance. */
    public static final String DEFAULT_STORIES_PER_MINUTE = "3000";

    /** An unlimited partner. */
    public Partner(String id, String apiKey, String secret, @Nullable List<String> allowedSources) {
        this(id, apiKey, secret, allowedSources, 0, true);
    }

    /** Whether a story attributed to {@code source} may come from this partner. */
    public boolean mayAttributeTo(String source) {
        return allowedSources.isEmpty() || allowedSources.contains(comparable(source));
    }

    private static String comparable(String source) {
        return source.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Without the secret and the key: partners end up in logs and failure messages. */
    @Override
    public String toString() {
        return "Partner[id=" + id + ", allowedSources=" + allowedSources + ", storiesPerMinute=" + storiesPerMinute
                + "]";
    }
}
