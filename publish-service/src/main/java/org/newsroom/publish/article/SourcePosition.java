package org.newsroom.publish.article;

/**
 * Where a version of an article came from in the log of enriched articles (a Kafka partition and
 * offset). The article keeps it to recognize a redelivery of the record that stored it; stream
 * events keep it because it orders the changes and is what a resumable cursor is built from.
 *
 * @param partition the partition of the enriched record
 * @param offset the offset of the enriched record in its partition
 */
public record SourcePosition(int partition, long offset) {
}
