package org.newsroom.enrich.terms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

/**
 * The terms of an article's headline and body with how often each occurs, from one pass of the
 * archive index's analyzer over the text.
 *
 * @param frequencies every term with its number of occurrences: what the archive compares
 * @param outsideNames the same counts without the occurrences inside the article's entity mentions:
 *        what keywords are chosen from, since the entities already show the names
 */
public record ArticleTerms(Map<String, Integer> frequencies, Map<String, Integer> outsideNames) {

    /**
     * The archive index's analyzer: standard tokenization, lower case, Lucene's short English stop
     * list. Analyzers keep per-thread state and are safe to share.
     */
    public static final Analyzer ANALYZER = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

    /** The field name the analyzer is asked for; it analyzes every field alike. */
    public static final String FIELD = "text";

    private static final Comparator<Span> BY_START = Comparator.comparingInt(Span::start);

    public ArticleTerms {
        frequencies = Map.copyOf(frequencies);
        outsideNames = Map.copyOf(outsideNames);
    }

    /** The text the archive indexes for an article: headline, blank line, body. */
    public static String text(ArticleEvent article) {
        return article.headline() + "\n\n" + article.body();
    }

    /** The terms of the article's {@linkplain #text text}; tokens inside the given entities' mentions count only as such. */
    public static ArticleTerms of(ArticleEvent article, List<Entity> entities) {
        List<Span> names = nameSpans(article, entities);
        Map<String, Integer> frequencies = new HashMap<>();
        Map<String, Integer> outsideNames = new HashMap<>();
        int nextName = 0;
        try (TokenStream tokens = ANALYZER.tokenStream(FIELD, text(article))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                frequencies.merge(word, 1, Integer::sum);
                // Tokens come in text order, so the spans that end before this token are done with.
                while (nextName < names.size() && names.get(nextName).end() <= offset.startOffset()) {
                    nextName++;
                }
                boolean inName = nextName < names.size() && names.get(nextName).start() <= offset.startOffset();
                if (!inName) {
                    outsideNames.merge(word, 1, Integer::sum);
                }
            }
            tokens.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot analyze in-memory text", e);
        }
        return new ArticleTerms(frequencies, outsideNames);
    }

    /**
     * The mentions as offsets into {@link #text}, sorted and with overlapping spans joined so that
     * one pointer walks them along the tokens.
     */
    private static List<Span> nameSpans(ArticleEvent article, List<Entity> entities) {
        int bodyOffset = article.headline().length() + 2;
        List<Span> spans = new ArrayList<>();
        for (Entity entity : entities) {
            for (Mention mention : entity.mentions()) {
                int shift = mention.field() == TextField.HEADLINE ? 0 : bodyOffset;
                spans.add(new Span(mention.start() + shift, mention.end() + shift));
            }
        }
        spans.sort(BY_START);
        List<Span> joined = new ArrayList<>();
        for (Span span : spans) {
            int last = joined.size() - 1;
            if (last >= 0 && span.start() <= joined.get(last).end()) {
                joined.set(last, new Span(joined.get(last).start(), Math.max(joined.get(last).end(), span.end())));
            }
            else {
                joined.add(span);
            }
        }
        return joined;
    }

    private record Span(int start, int end) {
    }
}
