package org.newsroom.enrich.entities;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells names from the other words a recognizer may label as entities. A name has at least one
 * token that starts with a capital letter or a digit ("A24", "3M"), and not every one of its tokens
 * is a pronoun, determiner or other closed-class word: "He", "His" or "The" alone are never a name,
 * whatever label they carry. Closed-class words are compared ignoring case, so that "HE" in an
 * ALL-CAPS headline is still a pronoun, except "US", which in capitals is the country.
 */
final class NameMentions {

    private static final Set<String> CLOSED_CLASS = Set.of(
            "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves",
            "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
            "we", "us", "our", "ours", "ourselves", "they", "them", "their", "theirs", "themselves",
            "one", "who", "whom", "whose", "which", "what", "that", "this", "these", "those",
            "the", "a", "an", "some", "any", "each", "every", "all", "both", "either", "neither",
            "no", "none", "another", "other", "such", "there", "here");

    /** Closed-class words that are also the usual capitalized abbreviation of a place. */
    private static final Set<String> CAPITALIZED_PLACES = Set.of("US");

    private NameMentions() {
    }

    /** Whether the mention made of these tokens can be a name. */
    static boolean isName(List<String> tokens) {
        boolean capitalized = false;
        boolean openClass = false;
        for (String token : tokens) {
            if (!token.isEmpty()) {
                int first = token.codePointAt(0);
                capitalized |= Character.isUpperCase(first) || Character.isTitleCase(first) || Character.isDigit(first);
                openClass |= !isClosedClass(token);
            }
        }
        return capitalized && openClass;
    }

    private static boolean isClosedClass(String token) {
        return !CAPITALIZED_PLACES.contains(token) && CLOSED_CLASS.contains(token.toLowerCase(Locale.ROOT));
    }
}
