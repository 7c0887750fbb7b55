package org.newsroom.ingest.story;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalizes partner text so that equal stories are stored equally and downstream character
 * offsets (entity mentions) refer to one canonical text. Every result is in Unicode NFC, because
 * partners mix composed and decomposed accents that would otherwise compare unequal.
 */
final class TextNormalizer {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\u0085\u2028\u2029]");

    private static final Pattern TRAILING_SPACE = Pattern.compile("[\\h\\x0B\\f]+$", Pattern.MULTILINE);

    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private TextNormalizer() {
    }

    /** NFC and trimmed; for identifiers and values whose inner spacing is meaningful. */
    static String trimmed(String text) {
        return nfc(text).strip();
    }

    /** NFC, every run of Unicode whitespace (line breaks included) as one space, trimmed. */
    static String singleLine(String text) {
        return WHITESPACE_RUN.matcher(nfc(text)).replaceAll(" ").strip();
    }

    /**
     * NFC, every line break as {@code \n}, no whitespace at line ends, at most one blank line in a
     * row (the paragraph separator), trimmed.
     */
    static String multiLine(String text) {
        String unixLines = LINE_BREAK.matcher(nfc(text)).replaceAll("\n");
        String rightTrimmed = TRAILING_SPACE.matcher(unixLines).replaceAll("");
        return BLANK_LINES.matcher(rightTrimmed).replaceAll("\n\n").strip();
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
