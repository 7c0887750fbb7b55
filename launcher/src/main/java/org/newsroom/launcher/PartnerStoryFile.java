package org.newsroom.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a story as partners paste it (first line the headline, then paragraphs) into the JSON that
 * {@code POST /v1/stories} takes as {@code application/json}: {@code ./newsroom story FILE}. It reads
 * the text as ingest-service reads {@code text/plain}: a line "Continue reading at Source." names the
 * source, "Read more Title →" lines become related hints, neither stays in the body.
 */
public final class PartnerStoryFile {

    private static final Pattern ATTRIBUTION = Pattern.compile("\\s*Continue reading at (.+?)\\.?\\s*");

    private static final Pattern RELATED = Pattern.compile("\\s*Read more (.+?)\\s*(?:→|->)\\s*");

    private PartnerStoryFile() {
    }

    /**
     * The story JSON for the file, its uri the one {@code ./newsroom push} gives the file
     * ({@link StoryFile#sampleUri}), so that the same file always names the same story.
     *
     * @param file a UTF-8 text file whose first non-blank line is the headline
     * @param firstCreated the creation time to declare
     */
    public static String toJson(Path file, Instant firstCreated) throws IOException {
        return toJson(file, StoryFile.sampleUri(file), firstCreated);
    }

    /** The story JSON for the file under another {@code uri}. */
    public static String toJson(Path file, String uri, Instant firstCreated) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int endOfHeadline = text.indexOf('\n');
        if (endOfHeadline < 0) {
            throw new IllegalArgumentException(file + " has a headline but no body");
        }
        String headline = text.substring(0, endOfHeadline).strip();
        String source = "unattributed";
        List<String> hints = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : text.substring(endOfHeadline + 1).strip().split("\\R")) {
            Matcher attribution = ATTRIBUTION.matcher(line);
            Matcher related = RELATED.matcher(line);
            if (attribution.matches()) {
                source = attribution.group(1).strip();
            } else if (related.matches()) {
                hints.add(related.group(1));
            } else {
                body.add(line);
            }
        }
        return new StoryJson(uri, headline, String.join("\n", body).strip(), source, firstCreated, null, hints)
                .toJson();
    }
}
