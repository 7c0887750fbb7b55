package org.newsroom.enrich.messaging;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of the article topic that the archive index covers, as the index's commit data: for
 * each partition, the offset of the next record to read, under the key {@code offset.<partition>}.
 * Committed in the same Lucene commit as the documents they cover, so a restart never skips a
 * record nor, once committed, reads one again.
 */
final class ArchiveOffsets {

    private static final String PREFIX = "offset.";

    private ArchiveOffsets() {
    }

    static Map<String, String> toCommitData(Map<TopicPartition, Long> nextOffsets) {
        Map<String, String> data = new HashMap<>();
        nextOffsets.forEach((partition, offset) -> data.put(PREFIX + partition.partition(), Long.toString(offset)));
        return data;
    }

    /** The next offset of each partition of the topic that the commit data names; others are new to the index. */
    static Map<TopicPartition, Long> fromCommitData(String topic, Map<String, String> data) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                offsets.put(new TopicPartition(topic, Integer.parseInt(key.substring(PREFIX.length()))),
                        Long.parseLong(value));
            }
        });
        return offsets;
    }
}
