/** Benchmarks of the newsroom pipeline, each measured against a baseline in the same run. */
@NullMarked
package org.newsroom.bench;

import org.jspecify.annotations.NullMarked;
