package org.newsroom.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word counts of generated text. */
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
}
