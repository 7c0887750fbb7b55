package org.newsroom.enrich.terms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * The terms that characterize an article: those that occur often in it and rarely in the archive
 * (tf-idf against the archive's document frequencies), most characteristic first, at most
 * {@value #MAX_KEYWORDS}.
 *
 * <p>Left out: function words (Snowball's English stop list, longer than the index's own, so that
 * "he" or "would" never headline an article), the attribution words every news story repeats
 * ({@link #NEWSWIRE_WORDS}: an old archive's idf pushes them down, a young one cannot), numbers,
 * single characters, and occurrences inside entity names
 * ({@link ArticleTerms#outsideNames}): the entities already show the names, so the keywords say
 * what the story is about.
 */
public final class Keywords {

    static final int MAX_KEYWORDS = 8;
    static final int MIN_LENGTH = 2;

    /**
     * Words of reporting, not of the topic, and short words Snowball's list lacks ("us", titles).
     * Two-letter terms are kept otherwise: "AI" or "EU" can be what a story is about.
     */
    static final Set<String> NEWSWIRE_WORDS = Set.of("said", "says", "say", "told", "according", "added", "also",
            "will", "can", "may", "might", "must", "just", "like", "us", "mr", "ms", "mrs", "dr");

    private static final CharArraySet FUNCTION_WORDS = snowballEnglishStopWords();

    private static final Comparator<Map.Entry<String, Double>> MOST_CHARACTERISTIC =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private Keywords() {
    }

    /**
     * @param terms the article's terms
     * @param idf the inverse document frequency of a term in the archive; a constant without an archive
     */
    public static List<String> of(ArticleTerms terms, ToDoubleFunction<String> idf) {
        List<Map.Entry<String, Double>> candidates = new ArrayList<>();
        for (Map.Entry<String, Integer> term : terms.outsideNames().entrySet()) {
            if (isTopical(term.getKey())) {
                candidates.add(Map.entry(term.getKey(), term.getValue() * idf.applyAsDouble(term.getKey())));
            }
        }
        candidates.sort(MOST_CHARACTERISTIC);
        return candidates.stream().limit(MAX_KEYWORDS).map(Map.Entry::getKey).toList();
    }

    static boolean isTopical(String term) {
        return term.length() >= MIN_LENGTH && term.chars().anyMatch(Character::isLetter)
                && !FUNCTION_WORDS.contains(term) && !NEWSWIRE_WORDS.contains(term);
    }

    private static CharArraySet snowballEnglishStopWords() {
        try (InputStream list = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
            if (list == null) {
                throw new IllegalStateException("Snowball's English stop list is not on the classpath");
            }
            return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(list, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read Snowball's English stop list", e);
        }
    }
}
