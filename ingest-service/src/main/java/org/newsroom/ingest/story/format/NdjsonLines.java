package org.newsroom.ingest.story.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an NDJSON body into its lines on the raw bytes, without decoding: {@code \n} never occurs
 * inside a multi-byte UTF-8 sequence, and each line is then decoded as its own JSON document, so a
 * broken line cannot spoil its neighbours.
 */
public final class NdjsonLines {

    /** One non-blank line: its 1-based number and its bytes without the line break. */
    public record Line(int number, byte[] bytes) {
    }

    private NdjsonLines() {
    }

    /** The non-blank lines; a {@code \r} before {@code \n} belongs to the line break. */
    public static List<Line> split(byte[] body) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                byte[] line = Arrays.copyOfRange(body, start, end);
                if (!isBlank(line)) {
                    lines.add(new Line(number, line));
                }
                start = i + 1;
                number++;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
