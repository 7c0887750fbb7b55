package org.newsroom.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Derives the public article id from a story uri. Partner uris contain slashes, colons and query
 * strings that do not belong in a URL path, so every service and client addresses an article by
 * this short, URL-safe, stable id instead.
 */
public final class ArticleIds {

    private static final int ID_BYTES = 15;

    private ArticleIds() {
    }

    /** The first 120 bits of the SHA-256 of the uri, base64url without padding: 20 characters. */
    public static String fromUri(String uri) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, ID_BYTES));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
