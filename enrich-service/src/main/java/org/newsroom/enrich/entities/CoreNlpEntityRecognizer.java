package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.EnrichProperties;

/**
 * Stanford CoreNLP with its statistical CRF models and nothing else: one, or several whose labels
 * CoreNLP combines (see {@link EnrichProperties.Ner}).
 *
 * <p>Only {@code tokenize,ssplit,ner} run, and the rule-based parts of CoreNLP's {@code ner}
 * annotator (numeric classifiers, SUTime, fine-grained RegexNER) are switched off: they need model
 * files we do not ship, and they would add entity classes the contract has no type for. The
 * pipeline is expensive to build (a few seconds and about 60 MB of heap for the 4-class model, twice
 * that for the 3-class), so
 * build one instance per process and share it.
 *
 * <p>Mentions are the runs of tokens the CRF gave the same label, read from the tokens themselves.
 * CoreNLP's own entity mentions ({@code ner.buildEntityMentions}) are not built: besides the CRF's
 * runs they hold "pronominal mentions", every "he", "she" or "his" typed PERSON, which are not
 * names. A run that is not a name either ({@link NameMentions}) is dropped here, at the source,
 * unless the recognizer is {@linkplain #bare bare}.
 *
 * <p>Headline and body are annotated as separate documents, so that the headline can never run
 * into the first body sentence and the offsets refer directly to the article's fields. Every line
 * break ends a sentence, because partner bodies are plain text whose lines are paragraphs and
 * titles without final punctuation.
 */
public final class CoreNlpEntityRecognizer implements EntityRecognizer {

    /** CoNLL classes of the model; other tags (none with this configuration) are ignored. */
    private static final Map<String, EntityType> TYPES_BY_TAG = Map.of(
            "PERSON", EntityType.PERSON,
            "ORGANIZATION", EntityType.ORGANIZATION,
            "LOCATION", EntityType.LOCATION,
            "MISC", EntityType.MISC);

    /** The most characters annotated as one CoreNLP document; wire stories are a few thousand. */
    static final int MAX_CHUNK = 20_000;

    private final StanfordCoreNLP pipeline;
    private final String version;
    private final boolean namesOnly;

    public CoreNlpEntityRecognizer(EnrichProperties.Ner ner) {
        this(ner, Tokenization.CORENLP, true);
    }

    private CoreNlpEntityRecognizer(EnrichProperties.Ner ner, Tokenization tokenization, boolean namesOnly) {
        this.pipeline = new StanfordCoreNLP(pipelineProperties(ner, tokenization));
        this.version = ner.enrichmentVersion();
        this.namesOnly = namesOnly;
    }

    /** The service's recognizer, reading the text with the given tokenization. */
    public static CoreNlpEntityRecognizer names(EnrichProperties.Ner ner, Tokenization tokenization) {
        return new CoreNlpEntityRecognizer(ner, tokenization, true);
    }

    /**
     * Every run of the CRF's labels as it is, names or not: the bare model that the evaluation
     * compares the pipeline with.
     */
    public static CoreNlpEntityRecognizer bare(EnrichProperties.Ner ner, Tokenization tokenization) {
        return new CoreNlpEntityRecognizer(ner, tokenization, false);
    }

    /** The CoreNLP properties of the recognizer; public so that the benchmark runs bare CoreNLP exactly so. */
    public static Properties pipelineProperties(EnrichProperties.Ner ner) {
        return pipelineProperties(ner, Tokenization.CORENLP);
    }

    static Properties pipelineProperties(EnrichProperties.Ner ner, Tokenization tokenization) {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit,ner");
        properties.setProperty("tokenize.language", "en");
        properties.setProperty("ssplit.newlineIsSentenceBreak", "always");
        if (tokenization == Tokenization.AS_GIVEN) {
            properties.setProperty("tokenize.whitespace", "true");
            properties.setProperty("ssplit.eolonly", "true");
        }
        properties.setProperty("ner.model", String.join(",", ner.models()));
        properties.setProperty("ner.combinationMode", ner.combination().name());
        properties.setProperty("ner.applyNumericClassifiers", "false");
        properties.setProperty("ner.useSUTime", "false");
        properties.setProperty("ner.applyFineGrained", "false");
        properties.setProperty("ner.buildEntityMentions", "false");
        return properties;
    }

    @Override
    public List<RecognizedMention> recognize(String headline, String body) {
        List<RecognizedMention> mentions = new ArrayList<>();
        addMentions(TextField.HEADLINE, headline, mentions);
        addMentions(TextField.BODY, body, mentions);
        return mentions;
    }

    @Override
    public String version() {
        return version;
    }

    private void addMentions(TextField field, String text, List<RecognizedMention> mentions) {
        for (int start = 0; start < text.length(); ) {
            int end = chunkEnd(text, start);
            String chunk = text.substring(start, end);
            if (!chunk.isBlank()) {
                CoreDocument document = pipeline.processToCoreDocument(chunk);
                for (CoreMap sentence : document.annotation().get(CoreAnnotations.SentencesAnnotation.class)) {
                    addRuns(field, text, start, sentence.get(CoreAnnotations.TokensAnnotation.class), mentions);
                }
            }
            start = end;
        }
    }

    /**
     * Where the chunk of text that starts at {@code start} ends: a body is annotated in chunks of at
     * most {@link #MAX_CHUNK} characters, because CoreNLP holds a whole document's tokens with all
     * their annotations (a megabyte of text in one piece ran a 1 GB heap out of memory). A chunk ends after
     * a line break, which ends a sentence anyway, so the CRF (whose features do not cross
     * sentences) labels the text exactly as in one piece; only a line longer than a chunk is cut,
     * at its last whitespace, or anywhere if it has none.
     */
    static int chunkEnd(String text, int start) {
        if (text.length() - start <= MAX_CHUNK) {
            return text.length();
        }
        int limit = start + MAX_CHUNK;
        int lineBreak = text.lastIndexOf('\n', limit - 1);
        if (lineBreak >= start) {
            return lineBreak + 1;
        }
        for (int at = limit - 1; at > start; at--) {
            if (Character.isWhitespace(text.charAt(at))) {
                return at + 1;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /** Each run of tokens with one entity label becomes a mention, as CoreNLP's own chunking does. */
    private void addRuns(TextField field, String text, int offset, List<CoreLabel> tokens,
            List<RecognizedMention> mentions) {
        int from = 0;
        while (from < tokens.size()) {
            EntityType type = typeOf(tokens.get(from));
            int to = from + 1;
            while (type != null && to < tokens.size() && tokens.get(to).ner().equals(tokens.get(from).ner())) {
                to++;
            }
            if (type != null) {
                List<CoreLabel> run = tokens.subList(from, to);
                if (!namesOnly || NameMentions.isName(run.stream().map(CoreLabel::word).toList())) {
                    int start = offset + run.get(0).beginPosition();
                    int end = offset + run.get(run.size() - 1).endPosition();
                    mentions.add(new RecognizedMention(new Mention(field, start, end, text.substring(start, end)),
                            type, confidence(run)));
                }
            }
            from = to;
        }
    }

    private static @Nullable EntityType typeOf(CoreLabel token) {
        String tag = token.ner();
        return tag == null ? null : TYPES_BY_TAG.get(tag);
    }

    /**
     * The CRF's probability of the run's label: the lowest of its tokens' probabilities of that
     * label, as CoreNLP reports it for its own entity mentions; 1 when the model reports none.
     */
    private static double confidence(List<CoreLabel> run) {
        String tag = run.get(0).ner();
        double lowest = 1.0;
        for (CoreLabel token : run) {
            Map<String, Double> probabilities = token.get(CoreAnnotations.NamedEntityTagProbsAnnotation.class);
            Double probability = probabilities == null ? null : probabilities.get(tag);
            if (probability != null) {
                lowest = Math.min(lowest, probability);
            }
        }
        return Math.round(lowest * 1000) / 1000.0;
    }

    /** How the text is cut into tokens before the CRF labels them. */
    public enum Tokenization {
        /** CoreNLP's English tokenizer: what the service runs on partner text. */
        CORENLP,
        /**
         * Tokens are what the spaces separate and sentences what the lines hold, for text that is
         * already tokenized one sentence a line (the CoNLL files), so that its tokens map one to one.
         */
        AS_GIVEN
    }
}
