package org.newsroom.enrich.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-2003 files: one token per line with its columns separated by whitespace (token, POS,
 * chunk, NER tag; only the first and the last are used), a blank line after each sentence, and a
 * {@code -DOCSTART-} line before each document. A file without {@code -DOCSTART-} lines is one
 * document.
 */
public final class ConllReader {

    private static final String DOCSTART = "-DOCSTART-";

    private ConllReader() {
    }

    public static List<ConllDocument> read(BufferedReader reader) throws IOException {
        List<ConllDocument> documents = new ArrayList<>();
        List<List<ConllDocument.ConllToken>> sentences = new ArrayList<>();
        List<ConllDocument.ConllToken> sentence = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String[] columns = line.strip().split("\\s+");
            if (line.isBlank() || columns[0].equals(DOCSTART)) {
                endSentence(sentence, sentences);
                if (!line.isBlank()) {
                    endDocument(sentences, documents);
                }
                continue;
            }
            if (columns.length < 2) {
                throw new IllegalArgumentException("line " + lineNumber + " has no NER tag: " + line);
            }
            sentence.add(new ConllDocument.ConllToken(columns[0], columns[columns.length - 1]));
        }
        endSentence(sentence, sentences);
        endDocument(sentences, documents);
        return documents;
    }

    private static void endSentence(List<ConllDocument.ConllToken> sentence, List<List<ConllDocument.ConllToken>> sentences) {
        if (!sentence.isEmpty()) {
            sentences.add(List.copyOf(sentence));
            sentence.clear();
        }
    }

    private static void endDocument(List<List<ConllDocument.ConllToken>> sentences, List<ConllDocument> documents) {
        if (!sentences.isEmpty()) {
            documents.add(new ConllDocument(sentences));
            sentences.clear();
        }
    }
}
