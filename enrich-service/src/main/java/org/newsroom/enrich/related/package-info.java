/** Related links of an article: hints and links found in its own text. */
@NullMarked
package org.newsroom.enrich.related;

import org.jspecify.annotations.NullMarked;
