/**
 * Story intake over HTTP: {@code POST /v1/stories} validates and normalizes a partner's story, turns
 * it into an {@link org.newsroom.contract.ArticleEvent} and answers 202 once the article log holds it.
 * Every client mistake is answered with an RFC 7807 problem naming the field.
 */
@NullMarked
package org.newsroom.ingest.story;

import org.jspecify.annotations.NullMarked;
