/**
 * Story intake, whatever the format: a {@link org.newsroom.ingest.story.StoryRequest} is sanitized,
 * validated and normalized into a {@link org.newsroom.ingest.story.Story} (every violation named at
 * once), checked against the article ledger, turned into an {@link org.newsroom.contract.ArticleEvent}
 * and confirmed once the article log holds it. The HTTP edge is in {@code story.web}, the format
 * readers in {@code story.format}.
 */
@NullMarked
package org.newsroom.ingest.story;

import org.jspecify.annotations.NullMarked;
