package org.newsroom.enrich.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class IobTagsTest {

    @Test
    void readsIob1WhereBeginOnlySeparatesAdjacentChunksOfOneClass() {
        // Given: "Peter Blackburn Jones Smith visited Bonn", two adjacent persons
        List<String> tags = List.of("I-PER", "I-PER", "B-PER", "I-PER", "O", "I-LOC");

        // When
        List<IobTags.Chunk> chunks = IobTags.chunks(tags);

        // Then
        assertThat(chunks).containsExactly(new IobTags.Chunk(0, 2, "PER"), new IobTags.Chunk(2, 4, "PER"),
                new IobTags.Chunk(5, 6, "LOC"));
    }

    @Test
    void readsIob2WhereEveryChunkBegins() {
        // Given
        List<String> tags = List.of("B-PER", "I-PER", "B-PER", "I-PER", "O", "B-LOC");

        // When
        List<IobTags.Chunk> chunks = IobTags.chunks(tags);

        // Then
        assertThat(chunks).containsExactly(new IobTags.Chunk(0, 2, "PER"), new IobTags.Chunk(2, 4, "PER"),
                new IobTags.Chunk(5, 6, "LOC"));
    }

    @Test
    void startsANewChunkWhenTheClassChangesWithoutBegin() {
        // Given: "Ethiopian Tigst Assefa" in IOB1 and a single-token chunk at the end
        List<String> tags = List.of("I-MISC", "I-PER", "I-PER", "I-ORG");

        // When
        List<IobTags.Chunk> chunks = IobTags.chunks(tags);

        // Then
        assertThat(chunks).containsExactly(new IobTags.Chunk(0, 1, "MISC"), new IobTags.Chunk(1, 3, "PER"),
                new IobTags.Chunk(3, 4, "ORG"));
    }

    @Test
    void rejectsATagThatIsNotIob() {
        assertThatIllegalArgumentException().isThrownBy(() -> IobTags.chunks(List.of("PER")))
                .withMessage("not an IOB tag: PER");
    }
}
