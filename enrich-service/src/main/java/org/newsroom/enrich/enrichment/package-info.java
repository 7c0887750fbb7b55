/** Turns an accepted article into an enriched article; knows nothing about Kafka. */
@NullMarked
package org.newsroom.enrich.enrichment;

import org.jspecify.annotations.NullMarked;
