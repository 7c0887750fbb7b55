package org.newsroom.publish.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.newsroom.publish.web.InvalidParameterException;

/**
 * Where a page of articles ended: the sort key of its last article. The next page is everything
 * strictly after it in the order newest first by {@code firstCreated}, then by id. That order never
 * changes for an article (a new version keeps its first-created time and its id), so paging while
 * articles are added or updated never repeats or skips one.
 *
 * <p>Clients get it as an opaque, URL-safe string: base64url of {@code p1:<epoch millis>:<id>}.
 *
 * @param firstCreated when the last article of the page was first created
 * @param id its public id
 */
record PageCursor(Instant firstCreated, String id) {

    private static final String VERSION = "p1:";

    static PageCursor after(ArticleView article) {
        return new PageCursor(article.firstCreated(), article.id());
    }

    String encode() {
        String plain = VERSION + firstCreated.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made by {@link #encode()}; anything else is the client's mistake, naming {@code parameter}. */
    static PageCursor decode(String encoded, String parameter) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            if (plain.startsWith(VERSION)) {
                String[] parts = plain.substring(VERSION.length()).split(":", 2);
                if (parts.length == 2 && !parts[1].isEmpty()) {
                    return new PageCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
                }
            }
        }
        catch (IllegalArgumentException e) {
            // not base64url or not a number: the same answer as any other foreign string
        }
        throw new InvalidParameterException(parameter,
                "'" + encoded + "' is not a page cursor this service gave out; pass back a 'next' value unchanged.");
    }
}
