package org.newsroom.enrich.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an article that can tell one event from another: lower-cased, numbers kept whole
 * ({@code 1.42}, a score {@code 6-4}), without function words, reporting verbs and
 * weekdays (every agency story "said on Tuesday"), a plural {@code s} dropped so that a flash and
 * a rewrite agree on "crowns" and "crown".
 */
final class ContentWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,'-]\\p{N}+)*");

    private static final Set<String> IGNORED = Set.of(
            "a", "about", "after", "again", "against", "all", "also", "an", "and", "any", "are", "as", "at",
            "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
            "during", "each", "for", "from", "had", "has", "have", "he", "her", "here", "hers", "him", "his",
            "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "much", "no", "not", "now",
            "of", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should",
            "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
            "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
            "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
            "said", "says", "say", "told", "according", "added", "announced", "reported", "statement",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "week",
            "year", "percent", "pct", "per", "cent", "new", "first", "last", "two", "three", "s");

    private ContentWords() {
    }

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            if (word.endsWith("'s")) {
                word = word.substring(0, word.length() - 2);
            }
            if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && Character.isLetter(word.charAt(0))) {
                word = word.substring(0, word.length() - 1);
            }
            if (!IGNORED.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
