/**
 * The enrichment's own ceiling for the bench: the service's enricher over the bench's stories in
 * a JVM of its own, without Kafka, Spring or HTTP around it. Runs outside Spring, from the exec jar.
 */
@NullMarked
package org.newsroom.enrich.ceiling;

import org.jspecify.annotations.NullMarked;
