/**
 * The live stream: every change of the read model is recorded as a stream event and pushed to the
 * subscribers of {@code GET /v1/stream} as a Server-Sent Event.
 */
@NullMarked
package org.newsroom.publish.stream;

import org.jspecify.annotations.NullMarked;
