package org.newsroom.ingest.state;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ingest keeps what it has read from its topics.
 *
 * @param directory the folder of the state file ({@code NEWSROOM_INGEST_STATE_DIRECTORY}); unset, the
 *        state lives in a temporary folder removed at shutdown, so every start reads the topics from
 *        the beginning
 * @param commitInterval how often the state and the offsets it covers are written to disk together;
 *        after a crash at most this much reading is done again
 */
@ConfigurationProperties("newsroom.ingest.state")
public record StateProperties(@Nullable Path directory, @DefaultValue("1s") Duration commitInterval) {
}
