package org.newsroom.ingest.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;

/**
 * SHA-256 over what readers see of a story: headline, body, source and language, as normalized by
 * ingest, and whether it is a kill. Timestamps and the partner are left out, because a partner that
 * re-sends an unchanged story usually stamps it anew.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(ArticleEvent event) {
        return of(event.headline(), event.body(), event.source(), event.language(),
                event.action() == ArticleAction.KILLED);
    }

    public static String of(String headline, String body, String source, @Nullable String language, boolean kill) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String[] parts = { headline, body, source, Objects.requireNonNullElse(language, ""), kill ? "killed" : "" };
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefixed, so that moving text from one field to the next changes the hash.
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
