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
import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * The evaluation command: runs the service's entity pipeline over a CoNLL-2003 file and prints
 * entity-level precision, recall and F1 per class, for PER+ORG+LOC (the quality bar) and overall,
 * plus the throughput in articles per second (model loading excluded).
 *
 * <p>The pipeline is configured from the service's own {@code application.yml} (system
 * properties override it, e.g. {@code -Dnewsroom.enrich.aliases.resource=...}), so the numbers
 * are those of the configuration that is deployed. Usage, from the repository root:
 *
 * <pre>
 * java -cp enrich-service/target/enrich-service-*-exec.jar \
 *   -Dloader.main=org.newsroom.enrich.evaluation.ConllEvaluation \
 *   org.springframework.boot.loader.launch.PropertiesLauncher FILE
 * </pre>
 */
public final class ConllEvaluation {

    private final EntityExtractor extractor;

    public ConllEvaluation(EntityExtractor extractor) {
        this.extractor = extractor;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ConllEvaluation <conll-2003-file>");
            System.exit(2);
        }
        quietLogging();
        List<ConllDocument> documents;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            documents = ConllReader.read(reader);
        }
        long loading = System.nanoTime();
        EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
        EntityExtractor extractor = StandardEntityPipeline.extractor(properties.ner(),
                AliasTable.load(properties.aliases().resource()));
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        Result result = new ConllEvaluation(extractor).evaluate(documents);
        System.out.printf(Locale.ROOT, "pipeline    %s (loaded in %.1f s)%n", extractor.version(), loadSeconds);
        System.out.printf(Locale.ROOT, "input       %s: %d documents, %d sentences, %d tokens%n", args[0],
                documents.size(), documents.stream().mapToInt(ConllDocument::sentenceCount).sum(),
                documents.stream().mapToInt(ConllDocument::tokenCount).sum());
        System.out.print(result.scores().table());
        System.out.printf(Locale.ROOT, "articles/s  %.1f (%d articles in %.2f s)%n", result.articlesPerSecond(),
                documents.size(), result.seconds());
    }

    /** Scores the pipeline on the documents, each enriched as one article. */
    public Result evaluate(List<ConllDocument> documents) {
        EntityScores scores = new EntityScores();
        long start = System.nanoTime();
        for (ConllDocument document : documents) {
            scores.add(document.gold(), predicted(extractor.entities(document.headline(), document.body())));
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
