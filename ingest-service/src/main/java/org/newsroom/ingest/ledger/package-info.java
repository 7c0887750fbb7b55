/**
 * What the article log already holds, per uri: the latest version, its event id and a hash of its
 * content, so that a repeated push is answered with the original message id instead of a second
 * event, and an older version is refused.
 *
 * <p>The source of truth is the compacted {@link org.newsroom.contract.Topics#ARTICLES} topic: every
 * ingest instance follows all its partitions (no consumer group, so each instance sees everything)
 * into its {@link org.newsroom.ingest.state.StateStore}, which keeps the compact facts on disk with
 * the offsets they cover, so a restart reads only what is new. Ingest reports not ready until it
 * has read up to where the log ended at start.
 *
 * <p>Across instances: all events of a uri are on one partition, read by every instance in the same
 * order and judged by the same rule, "an event counts if its version is higher than the last one
 * that counted". A written event is confirmed to the partner only once this instance has read it
 * back and it counted ({@link org.newsroom.ingest.ledger.ArticleLedger#expect}); when another
 * instance's event of the same or a higher version came first, the partner gets a 503 and its retry
 * is decided against that event. Within one instance a claim is atomic and a concurrent duplicate
 * waits for the first write's outcome. What remains: a duplicate is answered from this instance's
 * view, which trails the log by the follower's delay (milliseconds); and compaction keeps the last
 * event of a key, so a losing event that stays its uri's last (its partner never retried) is what a
 * replay of the compacted log sees.
 */
@NullMarked
package org.newsroom.ingest.ledger;

import org.jspecify.annotations.NullMarked;
