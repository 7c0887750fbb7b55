package org.newsroom.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrichPropertiesTest {

    @Test
    void theDeployedRecognizerCombinesTheThreeClassAndFourClassCrfsForRecall() {
        EnrichProperties.Ner ner = EnrichProperties.fromServiceConfiguration().ner();

        assertThat(ner.models()).containsExactly(
                "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
                "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
        assertThat(ner.combination()).isEqualTo(EnrichProperties.Combination.HIGH_RECALL);
        assertThat(ner.enrichmentVersion()).startsWith("corenlp-")
                .endsWith("/english.all.3class.distsim+english.conll.4class.distsim~high-recall");
    }

    @Test
    void oneModelAloneIsNamedByItsFileOnly() {
        EnrichProperties.Ner ner = EnrichProperties.Ner.alone("corenlp-4.5.10",
                "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");

        assertThat(ner.enrichmentVersion()).isEqualTo("corenlp-4.5.10/english.conll.4class.distsim");
    }
}
