/**
 * What ingest keeps from its topics, on disk, and how it follows them.
 *
 * <p>{@link org.newsroom.ingest.state.StateStore} is one H2 MVStore file holding, per uri, the compact
 * facts the ledger and the status need, together with the next offset of every partition they
 * cover; both are written in the same store commit, so a restart resumes exactly where the file
 * ends. {@link org.newsroom.ingest.state.TopicFollowers} follows every
 * {@link org.newsroom.ingest.state.FollowedTopic} with a spring-kafka container on all its partitions
 * (no consumer group: every instance needs everything), starting at the stored offsets.
 */
@NullMarked
package org.newsroom.ingest.state;

import org.jspecify.annotations.NullMarked;
