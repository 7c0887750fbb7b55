/**
 * How far a partner's story has come: accepted by ingest, enriched, published to the live stream.
 *
 * <p>Acceptance is what the article ledger knows. The later stages come from the downstream
 * services' own events: every ingest instance follows {@link org.newsroom.contract.Topics#ENRICHED}
 * and {@link org.newsroom.contract.Topics#PUBLISHED} (all partitions, like the ledger follows the
 * article log, into the same {@link org.newsroom.ingest.state.StateStore}), so any instance answers
 * for any story, and the answer survives restarts.
 */
@NullMarked
package org.newsroom.ingest.status;

import org.jspecify.annotations.NullMarked;
