package org.newsroom.enrich;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of enrich-service, bound from {@code newsroom.enrich.*}.
 *
 * @param ner the named-entity recognizer
 */
@Validated
@ConfigurationProperties("newsroom.enrich")
public record EnrichProperties(@NotNull @Valid Ner ner) {

    /**
     * The named-entity recognizer. Together the two values name the enrichment version, so
     * changing the engine or the model is visible in every enriched event and lets a replay
     * re-enrich old articles.
     *
     * @param engine the NER engine and its version, such as {@code corenlp-4.5.10}
     * @param model the classpath resource of the sequence model
     */
    public record Ner(@NotBlank String engine, @NotBlank String model) {

        private static final String SERIALIZED_MODEL_SUFFIX = ".crf.ser.gz";

        /** The model's file name without directories and serialization suffix. */
        public String modelName() {
            String fileName = model.substring(model.lastIndexOf('/') + 1);
            return fileName.endsWith(SERIALIZED_MODEL_SUFFIX)
                    ? fileName.substring(0, fileName.length() - SERIALIZED_MODEL_SUFFIX.length())
                    : fileName;
        }

        /** Engine and model as one version string, such as {@code corenlp-4.5.10/english.conll.4class.distsim}. */
        public String enrichmentVersion() {
            return engine + '/' + modelName();
        }
    }
}
