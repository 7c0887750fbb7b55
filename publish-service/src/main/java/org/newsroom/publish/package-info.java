/**
 * publish-service: the end of the newsroom pipeline. Enriched articles arrive from Kafka, are kept
 * in a MongoDB read model and are pushed to subscribers of the live stream.
 */
@NullMarked
package org.newsroom.publish;

import org.jspecify.annotations.NullMarked;
