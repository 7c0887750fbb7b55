/**
 * How far a partner's story has come: accepted by ingest, enriched, published to the live stream.
 *
 * <p>Acceptance is what the article ledger knows. The later stages come from the downstream
 * services' own events: every ingest instance follows {@link org.newsroom.contract.Topics#ENRICHED}
 * and {@link org.newsroom.contract.Topics#PUBLISHED} (all partitions, from the beginning, like the
 * ledger follows the article log), so any instance answers for any story, and the answer survives
 * restarts without a store of its own.
 */
@NullMarked
package org.newsroom.ingest.status;

import org.jspecify.annotations.NullMarked;
