package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.EnrichProperties;

/**
 * Stanford CoreNLP with one statistical CRF model and nothing else.
 *
 * <p>Only {@code tokenize,ssplit,ner} run, and the rule-based parts of CoreNLP's {@code ner}
 * annotator (numeric classifiers, SUTime, fine-grained RegexNER) are switched off: they need model
 * files we do not ship, and they would add entity classes the contract has no type for. The
 * pipeline is expensive to build (one to a few seconds, about 60 MB of heap for the 4-class model), so
 * build one instance per process and share it.
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

    private final StanfordCoreNLP pipeline;
    private final String version;

    public CoreNlpEntityRecognizer(EnrichProperties.Ner ner) {
        this.pipeline = new StanfordCoreNLP(pipelineProperties(ner.model()));
        this.version = ner.enrichmentVersion();
    }

    /** The CoreNLP properties of the recognizer; public so that the benchmark runs bare CoreNLP exactly so. */
    public static Properties pipelineProperties(String model) {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit,ner");
        properties.setProperty("tokenize.language", "en");
        properties.setProperty("ssplit.newlineIsSentenceBreak", "always");
        properties.setProperty("ner.model", model);
        properties.setProperty("ner.applyNumericClassifiers", "false");
        properties.setProperty("ner.useSUTime", "false");
        properties.setProperty("ner.applyFineGrained", "false");
        properties.setProperty("ner.buildEntityMentions", "true");
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

    /**
     * The CRF's probability of the mention's label, which CoreNLP reports per mention as the
     * lowest of its tokens' label probabilities; 1 when the pipeline reports none.
     */
    private static double confidence(CoreEntityMention entityMention) {
        Double probability = entityMention.entityTypeConfidences().get(entityMention.entityType());
        return probability == null ? 1.0 : Math.round(probability * 1000) / 1000.0;
    }

    private void addMentions(TextField field, String text, List<RecognizedMention> mentions) {
        if (text.isBlank()) {
            return;
        }
        CoreDocument document = pipeline.processToCoreDocument(text);
        for (CoreEntityMention entityMention : document.entityMentions()) {
            EntityType type = TYPES_BY_TAG.get(entityMention.entityType());
            if (type != null) {
                int start = entityMention.charOffsets().first();
                int end = entityMention.charOffsets().second();
                mentions.add(new RecognizedMention(new Mention(field, start, end, text.substring(start, end)), type,
                        confidence(entityMention)));
            }
        }
    }
}
