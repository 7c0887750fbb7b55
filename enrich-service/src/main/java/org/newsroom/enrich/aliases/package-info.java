/**
 * The shipped alias table: name variants of known organisations, people and places with their
 * Wikidata ids, used to find, name and link entities.
 */
@NullMarked
package org.newsroom.enrich.aliases;

import org.jspecify.annotations.NullMarked;
