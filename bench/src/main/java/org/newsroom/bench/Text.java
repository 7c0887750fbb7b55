package org.newsroom.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers: JSON string literals and word counts. */
final class Text {

    private static final Pattern WORD = Pattern.compile("\\S+");

    private Text() {
    }

    static int wordCount(String text) {
        Matcher matcher = WORD.matcher(text);
        int words = 0;
        while (matcher.find()) {
            words++;
        }
        return words;
    }

    static String jsonField(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    /** A JSON string literal per RFC 8259. */
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
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
