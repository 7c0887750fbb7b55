package org.newsroom.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of enrich-service, bound from {@code newsroom.enrich.*}.
 *
 * @param ner the named-entity recognizer
 * @param aliases the alias table of known entities
 * @param related the related earlier articles of the archive
 */
@Validated
@ConfigurationProperties("newsroom.enrich")
public record EnrichProperties(@NotNull @Valid Ner ner, @NotNull @Valid Aliases aliases, @Valid Related related) {

    public EnrichProperties {
        related = related == null ? Related.DEFAULTS : related;
    }

    /**
     * The properties as the service binds them from its {@code application.yml}, overridden by
     * system properties, for the command-line tools (evaluation, benchmark) that run the service's
     * pipeline without starting the application: what they measure is the deployed configuration.
     */
    public static EnrichProperties fromServiceConfiguration() {
        return serviceConfiguration("newsroom.enrich", EnrichProperties.class);
    }

    /** Any properties of the service's {@code application.yml}, bound as {@link #fromServiceConfiguration}. */
    public static <T> T serviceConfiguration(String prefix, Class<T> type) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read application.yml", e);
        }
        return Binder.get(environment).bindOrCreate(prefix, type);
    }

    /**
     * Related earlier articles from the archive index.
     *
     * @param maxResults how many related articles an enrichment gets at most
     * @param minScore the lowest relatedness in [0, 1] worth a link
     * @param followArchive whether to build the archive from the article topic; off only in tests
     *        without a broker, where the archive stays empty
     * @param cachedCandidates how many compared archive articles to keep decoded (headline, entities,
     *        term vector; a few kilobytes each) for the next comparisons; 0 reads every candidate anew
     */
    public record Related(@Min(0) int maxResults, @DecimalMin("0") @DecimalMax("1") double minScore,
            boolean followArchive, @Min(0) int cachedCandidates) {

        static final Related DEFAULTS = new Related(5, 0.1, true, 1024);
    }

    /**
     * The alias table that finds, names and links known entities. Its file name is its version and
     * becomes part of the enrichment version, because a new table changes the entities.
     *
     * @param resource the classpath resource of the table, such as {@code entities/aliases-v1.tsv}
     */
    public record Aliases(@NotBlank String resource) {
    }

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
