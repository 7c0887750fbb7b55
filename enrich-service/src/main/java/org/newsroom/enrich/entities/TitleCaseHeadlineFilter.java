package org.newsroom.enrich.entities;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.newsroom.contract.TextField;

/**
 * Drops a mention of a title-case or ALL-CAPS headline that the body never names and that holds a
 * word the body writes in lower case. In such a headline every word is capitalised, so the CRF
 * takes runs of ordinary words for names ("Before Geneva Talks" as an organisation); the body
 * shows which words are ordinary ("before the talks"). A headline name the body does not repeat
 * ("Talks in Geneva" over a body about Iran) is kept: none of its words is ordinary there.
 */
public final class TitleCaseHeadlineFilter implements MentionRefinement {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    /** Short words (of, in, to, a) stay lower case in title case; they say nothing either way. */
    private static final int SHORTEST_TELLING_WORD = 4;
    private static final double CAPITALISED_SHARE = 0.8;

    @Override
    public List<RecognizedMention> refine(String headline, String body, List<RecognizedMention> mentions) {
        if (!isTitleCase(headline)) {
            return mentions;
        }
        String bodyFolded = body.toLowerCase(Locale.ROOT);
        return mentions.stream()
                .filter(recognized -> recognized.mention().field() != TextField.HEADLINE
                        || bodyFolded.contains(recognized.mention().text().toLowerCase(Locale.ROOT))
                        || !holdsAnOrdinaryWord(recognized.mention().text(), body))
                .toList();
    }

    /** Whether a word of the mention stands in the body in lower case, as a word of its own. */
    private static boolean holdsAnOrdinaryWord(String mention, String body) {
        var words = WORD.matcher(mention);
        while (words.find()) {
            String lower = words.group().toLowerCase(Locale.ROOT);
            if (Pattern.compile("(?<!\\p{L})" + Pattern.quote(lower) + "(?!\\p{L})").matcher(body).find()) {
                return true;
            }
        }
        return false;
    }

    static boolean isTitleCase(String headline) {
        int telling = 0;
        int capitalised = 0;
        var words = WORD.matcher(headline);
        while (words.find()) {
            String word = words.group();
            if (word.length() >= SHORTEST_TELLING_WORD) {
                telling++;
                if (Character.isUpperCase(word.codePointAt(0))) {
                    capitalised++;
                }
            }
        }
        return telling >= 2 && capitalised >= CAPITALISED_SHARE * telling;
    }
}
