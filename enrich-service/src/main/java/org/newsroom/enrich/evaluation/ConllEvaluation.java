package org.newsroom.enrich.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityType;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.CoreNlpEntityRecognizer;
import org.newsroom.enrich.entities.CoreNlpEntityRecognizer.Tokenization;
import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * The evaluation command: runs the service's entity pipeline over a CoNLL-2003 file and prints
 * entity-level precision, recall and F1 per class, for PER+ORG+LOC (the quality bar) and overall,
 * plus the throughput in articles per second (model loading excluded). Then, in the same run and
 * through the same harness (same text in, same scoring), two baselines, every run of their labels
 * taken as a mention: the bare CRF, CoreNLP {@code tokenize,ssplit,ner} with the 4-class CoNLL
 * model alone, the reference the pipeline must never fall below (each line starts with
 * {@code bare-crf}); and the service's CRFs combined as it runs them, without its corrections,
 * which shows what the corrections add (each line starts with {@code bare-models}).
 *
 * <p>Both are scored on the file's tokens ({@link ConllDocument#onTokens}). With
 * {@code --tokens-as-given}, both read the file's tokens as they are (whitespace tokenization, one
 * sentence a line), the setting of published CoNLL results; without it, CoreNLP tokenizes the
 * text as it does partner copy.
 *
 * <p>The pipeline is configured from the service's own {@code application.yml} (system
 * properties override it, e.g. {@code -Dnewsroom.enrich.aliases.resource=...}), so the numbers
 * are those of the configuration that is deployed. Usage, from the repository root:
 *
 * <pre>
 * java -cp enrich-service/target/enrich-service-*-exec.jar \
 *   -Dloader.main=org.newsroom.enrich.evaluation.ConllEvaluation \
 *   org.springframework.boot.loader.launch.PropertiesLauncher [--tokens-as-given] FILE
 * </pre>
 */
public final class ConllEvaluation {

    static final String TOKENS_AS_GIVEN = "--tokens-as-given";

    /** The prefix of every line of the bare CRF's table. */
    static final String BARE_CRF = "bare-crf";

    /** The prefix of every line of the table of the service's models without corrections. */
    static final String BARE_MODELS = "bare-models";

    /** The CRF the project measures itself against: CoreNLP's 4-class CoNLL model alone. */
    public static final String BASELINE_MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private final SpanPredictor predictor;

    public ConllEvaluation(EntityExtractor extractor) {
        this((headline, body) -> predicted(extractor.entities(headline, body)));
    }

    private ConllEvaluation(SpanPredictor predictor) {
        this.predictor = predictor;
    }

    /** Scores a recognizer's own mentions, each with the class it gave it: the bare model. */
    public static ConllEvaluation ofMentions(EntityRecognizer recognizer) {
        return new ConllEvaluation((headline, body) -> recognizer.recognize(headline, body).stream()
                .map(recognized -> new LabeledSpan(recognized.mention().field(), recognized.mention().start(),
                        recognized.mention().end(), conllClass(recognized.type())))
                .toList());
    }

    public static void main(String[] args) throws IOException {
        boolean tokensAsGiven = args.length == 2 && args[0].equals(TOKENS_AS_GIVEN);
        if (args.length != 1 && !tokensAsGiven) {
            System.err.println("usage: ConllEvaluation [" + TOKENS_AS_GIVEN + "] <conll-2003-file>");
            System.exit(2);
        }
        String file = args[args.length - 1];
        Tokenization tokenization = tokensAsGiven ? Tokenization.AS_GIVEN : Tokenization.CORENLP;
        quietLogging();
        List<ConllDocument> documents;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            documents = ConllReader.read(reader);
        }
        long loading = System.nanoTime();
        EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
        EntityExtractor extractor = StandardEntityPipeline.extractor(properties.ner(),
                AliasTable.load(properties.aliases().resource()), tokenization);
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        Result result = new ConllEvaluation(extractor).evaluate(documents);
        System.out.printf(Locale.ROOT, "pipeline    %s (loaded in %.1f s)%n", extractor.version(), loadSeconds);
        System.out.printf(Locale.ROOT, "input       %s: %d documents, %d sentences, %d tokens%s%n", file,
                documents.size(), documents.stream().mapToInt(ConllDocument::sentenceCount).sum(),
                documents.stream().mapToInt(ConllDocument::tokenCount).sum(),
                tokensAsGiven ? ", tokens as given" : "");
        System.out.print(result.scores().table());
        System.out.printf(Locale.ROOT, "articles/s  %.1f (%d articles in %.2f s)%n", result.articlesPerSecond(),
                documents.size(), result.seconds());
        printBare(BARE_CRF, CoreNlpEntityRecognizer.bare(baseline(properties.ner()), tokenization), documents);
        printBare(BARE_MODELS, CoreNlpEntityRecognizer.bare(properties.ner(), tokenization), documents);
    }

    /** The bare CRF of the baseline: the 4-class model alone, with the service's engine. */
    public static EnrichProperties.Ner baseline(EnrichProperties.Ner service) {
        return EnrichProperties.Ner.alone(service.engine(), BASELINE_MODEL);
    }

    private static void printBare(String prefix, EntityRecognizer bare, List<ConllDocument> documents) {
        Result result = ofMentions(bare).evaluate(documents);
        System.out.print(prefixed(prefix, prefix + "    " + bare.version()
                + " (CoreNLP tokenize,ssplit,ner, every run of its labels)\n" + result.scores().table()));
    }

    /** Every line of the text with the bare CRF's prefix, so that its table cannot be read as the pipeline's. */
    static String prefixed(String lines) {
        return prefixed(BARE_CRF, lines);
    }

    private static String prefixed(String prefix, String lines) {
        StringBuilder prefixed = new StringBuilder();
        lines.lines().forEach(line -> prefixed.append(line.startsWith(prefix) ? line : prefix + ' ' + line)
                .append(System.lineSeparator()));
        return prefixed.toString();
    }

    /** Scores the predictions on the documents, each enriched as one article. */
    public Result evaluate(List<ConllDocument> documents) {
        EntityScores scores = new EntityScores();
        long start = System.nanoTime();
        for (ConllDocument document : documents) {
            scores.add(document.gold(), predictor.predict(document.headline(), document.body()).stream()
                    .map(document::onTokens)
                    .toList());
        }
        return new Result(scores, documents.size(), (System.nanoTime() - start) / 1e9);
    }

    /** Every mention of every entity, with the class of its entity as the service publishes it. */
    static List<LabeledSpan> predicted(List<Entity> entities) {
        return entities.stream()
                .flatMap(entity -> entity.mentions().stream().map(mention -> new LabeledSpan(mention.field(),
                        mention.start(), mention.end(), conllClass(entity.type()))))
                .toList();
    }

    static String conllClass(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case ORGANIZATION -> "ORG";
            case LOCATION -> "LOC";
            case MISC -> "MISC";
        };
    }

    /** What is scored: the labeled spans of one article. */
    @FunctionalInterface
    private interface SpanPredictor {
        List<LabeledSpan> predict(String headline, String body);
    }

    /** Without Spring Boot's logging setup, Logback would print CoreNLP's debug output. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    /**
     * The outcome of one evaluation run.
     *
     * @param scores the entity counts and measures
     * @param articles how many documents were enriched
     * @param seconds wall time of the enrichment alone
     */
    public record Result(EntityScores scores, int articles, double seconds) {

        public double articlesPerSecond() {
            return seconds == 0 ? 0 : articles / seconds;
        }
    }
}
