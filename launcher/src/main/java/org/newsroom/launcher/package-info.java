/**
 * Runs the whole newsroom on one machine that only has a JDK: a Kafka broker and a
 * Mongo-compatible store inside the launcher's own JVM, and the three services as child JVMs.
 *
 * <p>{@link org.newsroom.launcher.ServiceProcess} and {@link org.newsroom.launcher.LocalMongoServer}
 * are also used by the end-to-end tests, so their public API only grows.
 */
@NullMarked
package org.newsroom.launcher;

import org.jspecify.annotations.NullMarked;
