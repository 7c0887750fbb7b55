package org.newsroom.enrich.related;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the archive index lives and how often it is made durable, bound from
 * {@code newsroom.enrich.archive.*}.
 *
 * @param directory the folder of the index on disk, one per instance; none keeps the index in
 *        memory, rebuilt at every start (tests)
 * @param commitInterval how long at most the follower goes without committing what it indexed:
 *        after a restart it reads again what came after the last commit
 * @param commitRecords after how many indexed records the follower commits at the latest
 */
@Validated
@ConfigurationProperties("newsroom.enrich.archive")
public record ArchiveProperties(@Nullable Path directory, @NotNull @DefaultValue("5s") Duration commitInterval,
        @Min(1) @DefaultValue("5000") int commitRecords) {
}
