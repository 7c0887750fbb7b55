/**
 * The launcher's durable Mongo-compatible store: mongo-java-server's backend API over one H2 MVStore
 * file with BSON pages and a commit before every answer ({@link org.newsroom.launcher.store.DurableStoreBackend}).
 */
@NullMarked
package org.newsroom.launcher.store;

import org.jspecify.annotations.NullMarked;
