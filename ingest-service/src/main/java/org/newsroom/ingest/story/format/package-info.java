/**
 * One reader per story format: native JSON, {@code text/plain}, NDJSON batches, IPTC ninjs, and RSS /
 * Atom feeds. Each turns the raw bytes into a {@link org.newsroom.ingest.story.StoryRequest}, and a
 * mapped format also says where each story field came from, so that a violation names the field as
 * the partner wrote it.
 */
@NullMarked
package org.newsroom.ingest.story.format;

import org.jspecify.annotations.NullMarked;
