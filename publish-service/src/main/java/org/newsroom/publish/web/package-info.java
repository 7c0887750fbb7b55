/** What the HTTP endpoints of publish-service share: how a client's mistake is answered. */
@NullMarked
package org.newsroom.publish.web;

import org.jspecify.annotations.NullMarked;
