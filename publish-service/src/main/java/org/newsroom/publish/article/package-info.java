/**
 * The article read model: one MongoDB document per article, kept at its newest editorial version,
 * and the HTTP query for it.
 */
@NullMarked
package org.newsroom.publish.article;

import org.jspecify.annotations.NullMarked;
