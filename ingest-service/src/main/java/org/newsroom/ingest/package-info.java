/**
 * ingest-service: the partners' entry point into the newsroom. A story is validated, normalized and
 * answered with 202 only once Kafka has acknowledged it, so that nothing accepted is lost.
 */
@NullMarked
package org.newsroom.ingest;

import org.jspecify.annotations.NullMarked;
