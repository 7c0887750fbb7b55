package org.newsroom.enrich.terms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

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

    private static final CharArraySet FUNCTION_WORDS = snowballStopWords("english");

    /** Snowball's stop lists by ISO 639-1 code, for the languages it ships one for besides English. */
    private static final Map<String, String> SNOWBALL_LISTS = Map.ofEntries(Map.entry("da", "danish"),
            Map.entry("de", "german"), Map.entry("es", "spanish"), Map.entry("fi", "finnish"),
            Map.entry("fr", "french"), Map.entry("hu", "hungarian"), Map.entry("id", "indonesian"),
            Map.entry("it", "italian"), Map.entry("nb", "norwegian"), Map.entry("nl", "dutch"),
            Map.entry("no", "norwegian"), Map.entry("pt", "portuguese"), Map.entry("ru", "russian"),
            Map.entry("sv", "swedish"));
    private static final Map<String, CharArraySet> LOADED = new ConcurrentHashMap<>();

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

    /**
     * The keywords of a story in another language without that language's function words: the
     * English list lets "die" and "und" through as the commonest words of a German story. Only
     * filtered, not replaced, so a story in another language may get fewer than eight.
     *
     * @param language the article's BCP 47 language, declared or detected; English or unknown leaves them as they are
     */
    public static List<String> inLanguage(List<String> keywords, @Nullable String language) {
        String code = language == null ? "" : language.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        String list = SNOWBALL_LISTS.get(code);
        if (list == null) {
            return keywords;
        }
        CharArraySet functionWords = LOADED.computeIfAbsent(list, Keywords::snowballStopWords);
        return keywords.stream().filter(keyword -> !functionWords.contains(keyword)).toList();
    }

    private static CharArraySet snowballStopWords(String language) {
        try (InputStream list = SnowballFilter.class.getResourceAsStream(language + "_stop.txt")) {
            if (list == null) {
                throw new IllegalStateException("Snowball's " + language + " stop list is not on the classpath");
            }
            return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(list, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read Snowball's " + language + " stop list", e);
        }
    }
}
