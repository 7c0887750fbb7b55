package org.newsroom.enrich.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stories are clustered, bound from {@code newsroom.enrich.cluster.*}. The defaults are the
 * settings the labelled set was scored with (module README): a new threshold is worth a new run
 * of the evaluation.
 *
 * @param window how far apart in first-created time two reports of one event may be; older
 *        articles leave the in-memory index, and a restart reads the enriched topic this far back
 * @param sameEvent the lowest score that makes two articles reports of the same event
 * @param salientEntities how many of an article's most salient entities are compared and indexed
 * @param maxPostings how many of the most recent articles each entity and each LSH bucket keep
 * @param maxCandidates how many candidates are scored at most: those sharing an LSH band first,
 *        then those sharing the most salient entities, the most recent first
 */
@ConfigurationProperties("newsroom.enrich.cluster")
public record ClusterSettings(@DefaultValue("48h") Duration window, @DefaultValue("0.38") double sameEvent,
        @DefaultValue("6") int salientEntities, @DefaultValue("128") int maxPostings,
        @DefaultValue("64") int maxCandidates) {

    public static final ClusterSettings DEFAULTS = new ClusterSettings(Duration.ofHours(48), 0.38, 6, 128, 64);

    public ClusterSettings {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (sameEvent <= 0 || sameEvent > 1) {
            throw new IllegalArgumentException("sameEvent must be in (0, 1]: " + sameEvent);
        }
        if (salientEntities < 1 || maxPostings < 1 || maxCandidates < 1) {
            throw new IllegalArgumentException("salientEntities, maxPostings and maxCandidates must be positive");
        }
    }
}
