/**
 * Who may push stories: partners from configuration, authenticated by API key and an HMAC-SHA256
 * signature over the exact request bytes, so that a story cannot be forged or altered in transit
 * without the partner's secret.
 */
@NullMarked
package org.newsroom.ingest.partner;

import org.jspecify.annotations.NullMarked;
