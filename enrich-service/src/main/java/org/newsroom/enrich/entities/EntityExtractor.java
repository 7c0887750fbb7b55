package org.newsroom.enrich.entities;

import java.util.List;

import org.newsroom.contract.Entity;
import org.newsroom.enrich.aliases.AliasTable;

/** The entities of an article: recognized, grouped, linked and ranked, most salient first. */
public final class EntityExtractor {

    private final EntityRecognizer recognizer;
    private final MentionClusterer clusterer;
    private final EntityLinker linker;

    public EntityExtractor(EntityRecognizer recognizer, AliasTable aliases) {
        this.recognizer = recognizer;
        this.clusterer = new MentionClusterer(aliases::lookup);
        this.linker = new EntityLinker(aliases);
    }

    public List<Entity> entities(String headline, String body) {
        List<EntityCluster> clusters = linker.link(clusterer.cluster(recognizer.recognize(headline, body)));
        return EntityRanker.rankClusters(clusters, PronounReferences.count(clusters, headline, body), body.length());
    }

    /** Engine, model and data that produce the entities. */
    public String version() {
        return recognizer.version();
    }
}
