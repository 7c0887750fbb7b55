/**
 * The contract between the newsroom services: event records and the topics that carry them.
 *
 * <p>Every type here is serialized as JSON on Kafka. Adding an optional field is a compatible
 * change; renaming or removing one, or changing its meaning, requires a new
 * {@code schemaVersion} and a new topic name suffix.
 */
@NullMarked
package org.newsroom.contract;

import org.jspecify.annotations.NullMarked;
