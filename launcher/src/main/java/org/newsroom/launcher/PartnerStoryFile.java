package org.newsroom.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a story as partners paste it (first line the headline, then paragraphs) into the JSON that
 * {@code POST /v1/stories} takes, so that a newcomer can push the sample story with nothing but
 * curl and a JDK.
 */
public final class PartnerStoryFile {

    private static final Pattern ATTRIBUTION = Pattern.compile("(?m)^Continue reading at (.+?)\\.\\s*$");

    private PartnerStoryFile() {
    }

    /**
     * The story JSON for the file. The uri is derived from the file name so that posting the same
     * file twice names the same story.
     *
     * @param file a UTF-8 text file whose first non-blank line is the headline
     * @param firstCreated the creation time to declare
     */
    public static String toJson(Path file, Instant firstCreated) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int endOfHeadline = text.indexOf('\n');
        if (endOfHeadline < 0) {
            throw new IllegalArgumentException(file + " has a headline but no body");
        }
        String headline = text.substring(0, endOfHeadline).strip();
        String body = text.substring(endOfHeadline + 1).strip();
        return "{"
                + field("uri", "urn:newsroom:sample:" + slug(file)) + ","
                + field("headline", headline) + ","
                + field("body", body) + ","
                + field("source", attribution(body)) + ","
                + field("firstCreated", firstCreated.toString())
                + "}";
    }

    private static String attribution(String body) {
        Matcher matcher = ATTRIBUTION.matcher(body);
        String source = null;
        while (matcher.find()) {
            source = matcher.group(1).strip();
        }
        return source != null ? source : "unattributed";
    }

    private static String slug(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    /** JSON string literal per RFC 8259: quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder json = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
