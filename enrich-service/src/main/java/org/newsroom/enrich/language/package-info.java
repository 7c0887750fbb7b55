/** Detects the language of an article whose partner did not declare one. */
@NullMarked
package org.newsroom.enrich.language;

import org.jspecify.annotations.NullMarked;
