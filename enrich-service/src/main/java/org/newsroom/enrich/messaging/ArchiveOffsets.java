package org.newsroom.enrich.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of the article topic that the archive index covers, as the index's commit data: for
 * each partition, the offset of the next record to read, under the key {@code offset.<partition>},
 * and the topic's id under {@value #TOPIC_ID}. Committed in the same Lucene commit as the documents
 * they cover, so a restart never skips a record nor, once committed, reads one again. Offsets only
 * mean something in the topic they were read from: the id tells an index left by another broker or
 * by a topic since deleted and created again, whose offsets would skip the new topic's records.
 *
 * @param topicId the id Kafka gave the topic when it was created
 * @param nextOffsets the next offset of each partition that the index covers; partitions not named are new to it
 */
record ArchiveOffsets(String topicId, Map<TopicPartition, Long> nextOffsets) {

    private static final String TOPIC_ID = "topicId";
    private static final String PREFIX = "offset.";

    ArchiveOffsets {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    Map<String, String> toCommitData() {
        Map<String, String> data = new HashMap<>();
        data.put(TOPIC_ID, topicId);
        nextOffsets.forEach((partition, offset) -> data.put(PREFIX + partition.partition(), Long.toString(offset)));
        return data;
    }

    /** The offsets of the commit data, or none if they were read from another topic than the one of that id. */
    static Optional<ArchiveOffsets> fromCommitData(String topic, String topicId, Map<String, String> data) {
        if (!topicId.equals(data.get(TOPIC_ID))) {
            return Optional.empty();
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                offsets.put(new TopicPartition(topic, Integer.parseInt(key.substring(PREFIX.length()))),
                        Long.parseLong(value));
            }
        });
        return Optional.of(new ArchiveOffsets(topicId, offsets));
    }
}
