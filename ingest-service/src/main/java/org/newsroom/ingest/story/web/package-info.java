/**
 * The HTTP edge of story intake: {@code POST /v1/stories} dispatched by Content-Type to a reader of
 * {@code org.newsroom.ingest.story.format}, the request limits, the trace header, the metrics of
 * accepted and refused stories, and the RFC 7807 problems every client mistake is answered with.
 */
@NullMarked
package org.newsroom.ingest.story.web;

import org.jspecify.annotations.NullMarked;
