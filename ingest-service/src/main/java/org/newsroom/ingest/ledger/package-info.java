/**
 * What the article log already holds, per uri: the latest version, its event id and a hash of its
 * content, so that a repeated push is answered with the original message id instead of a second
 * event, and an older version is refused.
 *
 * <p>The state is the compacted {@link org.newsroom.contract.Topics#ARTICLES} topic itself: every
 * ingest instance reads all its partitions from the beginning at startup (no consumer group, so
 * each instance sees everything) and keeps following it. It therefore survives restarts and is
 * shared by all instances without another store. Ingest reports not ready until it has caught up.
 *
 * <p>Race window: two instances that accept the same new version of one uri within the time it
 * takes each to read the other's event back (milliseconds) both write an event. The second event
 * has the same uri and version as the first, and downstream services keep an article's highest
 * version only, so the duplicate is harmless; the partner got a 202 from both, which is true.
 * Within one instance there is no such window: a claim is atomic and a concurrent duplicate waits
 * for the first write's outcome.
 */
@NullMarked
package org.newsroom.ingest.ledger;

import org.jspecify.annotations.NullMarked;
