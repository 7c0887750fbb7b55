package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsWhatEachProcessSpentPerStoryAndLeavesOutOnesThatCannotBeRead() {
        // Given this JVM and a process id that does not exist
        Map<String, Long> pids = Map.of(ProcessCpu.BENCH, ProcessHandle.current().pid(), "gone", Long.MAX_VALUE);
        ProcessCpu before = ProcessCpu.read(pids);

        // When this JVM works a bounded while
        long sum = 0;
        for (int i = 0; i < 50_000_000; i++) {
            sum += i % 7;
        }
        Map<String, Double> perStory = ProcessCpu.read(pids).millisPerStorySince(before, 10);

        // Then its time is counted, per story, and the missing process is left out
        assertThat(sum).isPositive();
        assertThat(perStory).containsOnlyKeys(ProcessCpu.BENCH);
        assertThat(perStory.get(ProcessCpu.BENCH)).isPositive();
        assertThat(ProcessCpu.read(pids).millisPerStorySince(before, 0)).isEmpty();
    }
}
