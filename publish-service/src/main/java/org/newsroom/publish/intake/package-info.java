/**
 * Taking in one enriched article: store it, and if that changed the article, record and push the
 * change. Knows nothing of Kafka, so any source (a replay tool, a test) can feed it.
 */
@NullMarked
package org.newsroom.publish.intake;

import org.jspecify.annotations.NullMarked;
