package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path HOME = Path.of(".");

    @Test
    void defaultsMeasureTheIssueTargets() {
        BenchOptions options = BenchOptions.parse(new String[0], HOME);

        assertThat(options.quick()).isFalse();
        assertThat(options.rate()).isZero(); // half the measured max
        assertThat(options.subscribers()).isEqualTo(50);
        assertThat(options.idleSubscribers()).isEqualTo(20_000);
        assertThat(options.replayEvents()).isEqualTo(10_000);
        assertThat(options.archive()).isEmpty();
    }

    @Test
    void quickShrinksEveryPhaseAndExplicitOptionsStillWin() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--replay-events=500"}, HOME);

        assertThat(options.quick()).isTrue();
        assertThat(options.replayEvents()).isEqualTo(500);
        assertThat(options.idleSubscribers()).isEqualTo(2000);
        assertThat(options.maxStories()).isEqualTo(60);
        assertThat(options.archive()).containsExactly(1000);
    }

    @Test
    void archiveTakesAListOfSizesSmallestFirst() {
        BenchOptions options = BenchOptions.parse(new String[] {"--archive=100_000,10000"}, HOME);

        assertThat(options.archive()).isEqualTo(List.of(10_000, 100_000));
    }

    @Test
    void archiveOnlyNeedsAnArchive() {
        assertThat(BenchOptions.parse(new String[] {"--archive-only", "--archive=10000"}, HOME).archiveOnly()).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--archive-only"}, HOME))
                .hasMessageContaining("--archive=N");
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--archive=10k"}, HOME))
                .hasMessageContaining("--archive");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--subscribers=0"}, HOME))
                .hasMessageContaining("--subscribers");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--nope=1"}, HOME))
                .hasMessageContaining("--nope");
    }
}
