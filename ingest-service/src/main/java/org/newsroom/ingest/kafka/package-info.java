/**
 * Kafka consumers that ingest runs on threads of their own, beside the reactive HTTP edge.
 */
@NullMarked
package org.newsroom.ingest.kafka;

import org.jspecify.annotations.NullMarked;
