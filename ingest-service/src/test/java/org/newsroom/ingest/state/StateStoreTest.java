package org.newsroom.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    private static final TopicPartition PARTITION = new TopicPartition("newsroom.articles.v1", 0);

    @TempDir
    Path folder;

    @Test
    void instancesSharingAFolderEachTakeAFileNoOtherHoldsAndAReplacementReusesTheFreedOne() {
        StateProperties properties = new StateProperties(folder, Duration.ofMinutes(1));
        // Given one instance whose state covers a record
        StateStore first = new StateStore(properties);
        first.apply(PARTITION, 41, () -> first.map("articles").put("urn:a", bytes("first")));
        first.commit();

        // When a second instance starts on the same folder while the first runs
        StateStore second = new StateStore(properties);
        try {
            // Then it gets a file of its own, and the first one's state is untouched
            assertThat(second.nextOffset(PARTITION)).isZero();
            assertThat(second.map("articles").get("urn:a")).isNull();
            assertThat(first.map("articles").get("urn:a")).isEqualTo(bytes("first"));
            assertThat(folder.resolve("instance-1").resolve(StateStore.FILE_NAME)).exists();
        }
        finally {
            second.destroy();
        }
        first.destroy();

        // And an instance started after the first stopped resumes from the first one's file
        StateStore replacement = new StateStore(properties);
        try {
            assertThat(replacement.nextOffset(PARTITION)).isEqualTo(42);
            assertThat(replacement.map("articles").get("urn:a")).isEqualTo(bytes("first"));
        }
        finally {
            replacement.destroy();
        }
    }

    @Test
    void aFileThatCannotBeReadIsRebuiltFromEmpty() throws Exception {
        Files.write(folder.resolve(StateStore.FILE_NAME), bytes("not an MVStore file, ".repeat(400)));

        StateStore store = new StateStore(new StateProperties(folder, Duration.ofMinutes(1)));
        try {
            assertThat(store.nextOffset(PARTITION)).isZero();
            store.apply(PARTITION, 0, () -> store.map("articles").put("urn:b", bytes("b")));
            assertThat(store.map("articles").get("urn:b")).isEqualTo(bytes("b"));
        }
        finally {
            store.destroy();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
