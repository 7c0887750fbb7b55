/**
 * Story intake over HTTP: {@code POST /v1/stories} authenticates the partner over the raw body,
 * reads the story in the format its Content-Type names (native JSON, {@code text/plain}, an
 * {@code application/x-ndjson} batch, an IPTC ninjs item, or an RSS / Atom feed answered per item),
 * sanitizes HTML bodies down to plain text, validates and normalizes it, checks it against the article
 * ledger, turns it into an {@link org.newsroom.contract.ArticleEvent} and answers 202 once the
 * article log holds it (200 if it already did). Every client mistake is answered with an RFC 7807
 * problem naming the field.
 */
@NullMarked
package org.newsroom.ingest.story;

import org.jspecify.annotations.NullMarked;
