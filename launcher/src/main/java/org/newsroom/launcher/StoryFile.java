package org.newsroom.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A file of stories as a partner would post it: its bytes unchanged, the {@code Content-Type} its
 * name says, and for plain text the {@code X-Story-Uri} that plain text cannot carry. This is what
 * {@code ./newsroom push} sends and what the README's curl line sends, byte for byte.
 *
 * @param file        where the story was read from
 * @param contentType the media type ingest-service chooses its reader by
 * @param headers     further request headers the format needs
 * @param body        the file's bytes, which the signature covers
 */
record StoryFile(Path file, String contentType, Map<String, String> headers, byte[] body) {

    static final String URI_HEADER = "X-Story-Uri";

    /** The uri prefix of a plain-text story pushed from a file; the README's curl line spells it out. */
    static final String SAMPLE_URI_PREFIX = "urn:newsroom:sample:";

    private static final String FORMATS = ".txt (plain text), .json, .ninjs.json, .ndjson or .xml (RSS or Atom)";

    /**
     * @throws CliFailure naming the file if it cannot be read or its name says no format
     */
    static StoryFile read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliFailure(CliFailure.USAGE, "no file " + file + ": give the path of a story, e.g. samples/"
                    + "partner-story-deepmind-a24.txt");
        } catch (IOException e) {
            throw new CliFailure(CliFailure.USAGE, "cannot read " + file + " (" + e.getMessage() + ")");
        }
        if (name.endsWith(".txt")) {
            return new StoryFile(file, "text/plain; charset=utf-8", Map.of(URI_HEADER, sampleUri(file)), body);
        }
        String contentType = name.endsWith(".ninjs.json") ? "application/ninjs+json"
                : name.endsWith(".json") ? "application/json"
                : name.endsWith(".ndjson") || name.endsWith(".jsonl") ? "application/x-ndjson"
                : name.endsWith(".rss") ? "application/rss+xml"
                : name.endsWith(".atom") ? "application/atom+xml"
                : name.endsWith(".xml") ? feedType(body)
                : null;
        if (contentType == null) {
            throw new CliFailure(CliFailure.USAGE, "cannot tell the format of " + file + " from its name: name it "
                    + FORMATS);
        }
        return new StoryFile(file, contentType, Map.of(), body);
    }

    /** {@code urn:newsroom:sample:} and the file name without its extension, in lower case, dashes for the rest. */
    static String sampleUri(Path file) {
        String name = String.valueOf(file.getFileName()).replaceFirst("\\.[^.]*$", "");
        return SAMPLE_URI_PREFIX + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** ingest tells RSS from Atom by the root element too; the specific type just reads better in its logs. */
    private static String feedType(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        return start.contains("<rss") ? "application/rss+xml"
                : start.contains("<feed") ? "application/atom+xml" : "application/xml";
    }
}
