package org.newsroom.enrich.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.newsroom.contract.TextField;

/**
 * One CoNLL document turned into an article: its first sentence is the headline (CoNLL-2003
 * documents start with the story's title), the other sentences are the body, one per line. Tokens
 * are joined by single spaces, and the character offsets of every token are kept, so that the
 * gold chunks become spans that can be compared with the pipeline's mentions exactly.
 */
public final class ConllDocument {

    private final List<List<ConllToken>> sentences;
    private final String headline;
    private final String body;
    private final List<LabeledSpan> gold;
    private final List<LabeledSpan> tokens;

    public ConllDocument(List<List<ConllToken>> sentences) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a document needs at least one sentence");
        }
        this.sentences = List.copyOf(sentences);
        List<LabeledSpan> spans = new ArrayList<>();
        List<LabeledSpan> tokenSpans = new ArrayList<>();
        this.headline = layOut(TextField.HEADLINE, this.sentences.subList(0, 1), spans, tokenSpans);
        this.body = layOut(TextField.BODY, this.sentences.subList(1, this.sentences.size()), spans, tokenSpans);
        this.gold = List.copyOf(spans);
        this.tokens = List.copyOf(tokenSpans);
    }

    public String headline() {
        return headline;
    }

    public String body() {
        return body;
    }

    /** The annotated entities as spans of the headline and body. */
    public List<LabeledSpan> gold() {
        return gold;
    }

    /**
     * The predicted span on the document's own tokens: from the start of the first token it
     * overlaps to the end of the last one, as a tagger's labels projected onto the CoNLL tokens
     * would be. A recognizer that cuts the text into other tokens than the file's (CoreNLP splits
     * "U.S.-based", keeps "New York-based" whole) is so scored on the file's tokens, as conlleval
     * scores taggers; a span that overlaps no token (whitespace only) is returned unchanged.
     */
    public LabeledSpan onTokens(LabeledSpan predicted) {
        int start = -1;
        int end = -1;
        for (LabeledSpan token : tokens) {
            if (token.field() == predicted.field() && token.start() < predicted.end() && predicted.start() < token.end()) {
                start = start < 0 ? token.start() : start;
                end = token.end();
            }
        }
        return start < 0 ? predicted : new LabeledSpan(predicted.field(), start, end, predicted.type());
    }

    public int sentenceCount() {
        return sentences.size();
    }

    public int tokenCount() {
        return sentences.stream().mapToInt(List::size).sum();
    }

    private static String layOut(TextField field, List<List<ConllToken>> lines, List<LabeledSpan> spans,
            List<LabeledSpan> tokenSpans) {
        StringBuilder text = new StringBuilder();
        for (List<ConllToken> sentence : lines) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            int[] starts = new int[sentence.size()];
            int[] ends = new int[sentence.size()];
            for (int i = 0; i < sentence.size(); i++) {
                if (i > 0) {
                    text.append(' ');
                }
                starts[i] = text.length();
                text.append(sentence.get(i).text());
                ends[i] = text.length();
                tokenSpans.add(new LabeledSpan(field, starts[i], ends[i], "O"));
            }
            for (IobTags.Chunk chunk : IobTags.chunks(sentence.stream().map(ConllToken::tag).toList())) {
                spans.add(new LabeledSpan(field, starts[chunk.from()], ends[chunk.to() - 1], chunk.type()));
            }
        }
        return text.toString();
    }

    /**
     * One token line of a CoNLL file.
     *
     * @param text the token
     * @param tag its NER tag, the last column
     */
    public record ConllToken(String text, String tag) {
    }
}
