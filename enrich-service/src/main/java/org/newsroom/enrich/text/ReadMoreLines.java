package org.newsroom.enrich.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the teaser lines partners put into a body to point at another of their stories, written
 * {@code Read more <title> →} on a line of its own. Such a line belongs to the other story: its
 * names are not entities of this article, but its title is a related-link hint.
 */
public final class ReadMoreLines {

    private static final Pattern READ_MORE = Pattern.compile("(?m)^[ \\t]*Read more:?[ \\t]+(.+?)[ \\t]*→[ \\t]*$");

    private ReadMoreLines() {
    }

    /** The teaser lines of a body in text order. */
    public static List<ReadMoreLine> in(String body) {
        Matcher matcher = READ_MORE.matcher(body);
        return matcher.results()
                .map(result -> new ReadMoreLine(result.start(), result.end(), result.group(1)))
                .toList();
    }

    /**
     * One teaser line.
     *
     * @param start offset of the line's first character in the body
     * @param end offset just past the arrow
     * @param title the teased story's title
     */
    public record ReadMoreLine(int start, int end, String title) {

        public boolean contains(int from, int to) {
            return from >= start && to <= end;
        }
    }
}
