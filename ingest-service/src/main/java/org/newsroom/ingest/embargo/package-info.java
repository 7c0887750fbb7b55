/**
 * Stories under embargo: accepted now, published at the partner's embargo time.
 *
 * <p>A story whose embargo lies in the future is written, on acceptance, to the compacted
 * {@link org.newsroom.contract.Topics#EMBARGOED} topic instead of the article log, and the partner
 * gets its 202 once Kafka has that hold. The holds are the topic itself, so they survive restarts
 * of every ingest instance: the ingest instances share them through the consumer group
 * {@code ingest-embargo}, each reading its partitions from the beginning whenever they are assigned
 * to it, and release what is due. Releasing writes the article event, unchanged, to the article log
 * and then a tombstone for the hold. A crash between the two releases the story again after the
 * restart: the same event id and version, which downstream services ignore as a duplicate.
 *
 * <p>Holds are keyed by uri and version ({@link org.newsroom.contract.EmbargoedArticle#key()}), so
 * that ending one version's hold can never remove the hold of a newer version that arrived
 * meanwhile. Versions of one story may therefore be released in another order than they were
 * held; downstream services keep the highest version only, so an older version released later
 * changes nothing.
 */
@NullMarked
package org.newsroom.ingest.embargo;

import org.jspecify.annotations.NullMarked;
