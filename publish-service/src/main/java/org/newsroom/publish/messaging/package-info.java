/**
 * The Kafka edge: the {@code storeArticle} consumer of enriched articles and the topics it needs.
 * Consumption is imperative so that an offset is committed only after its article is stored.
 */
@NullMarked
package org.newsroom.publish.messaging;

import org.jspecify.annotations.NullMarked;
