/**
 * enrich-service: reads accepted articles, adds named entities and writes enriched articles.
 * Sub-packages are features: {@code entities} (recognition and ranking), {@code enrichment} (the
 * domain service) and {@code messaging} (the Kafka binding).
 */
@NullMarked
package org.newsroom.enrich;

import org.jspecify.annotations.NullMarked;
