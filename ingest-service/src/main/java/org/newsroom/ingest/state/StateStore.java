package org.newsroom.ingest.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The state ingest has read from its topics: facts per uri, and the next offset of every partition
 * they cover, all in one MVStore map. A commit writes one consistent root of that map, and a
 * record's change is made before its offset, so every commit on disk covers at least the records
 * its offsets say, and at most a few more: reading those again changes nothing, because every fact
 * is "the newest version seen" or a removal, which a replay in log order reproduces. A file that
 * cannot be opened is deleted and rebuilt from the topics.
 *
 * <p>Instances may share one state folder (one volume for every replica of a scaled deployment):
 * a file that another running instance holds (MVStore locks it) is left alone, and the instance
 * takes the first file no running instance holds, {@code instance-<n>/} under the folder. So a
 * replaced instance picks up a file that is nearly current and reads only what is new since.
 */
@Component
public class StateStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StateStore.class);

    static final String FILE_NAME = "ingest-state.mv.db";

    /** How many instances can share one state folder. */
    static final int MAX_INSTANCES = 64;

    private static final String CLUSTER_ID = "meta:kafka.cluster.id";

    private final @Nullable Path temporaryDirectory;

    private final MVStore store;

    private static final String OFFSET = "offset";

    /** Facts by {@code <kind>:<uri>}, offsets by {@code offset:<topic>-<partition>}, the cluster id. */
    private final MVMap<String, byte[]> state;

    private final @Nullable ScheduledExecutorService committer;

    @Autowired
    public StateStore(StateProperties properties) {
        this.temporaryDirectory = properties.directory() == null ? createTemporaryDirectory() : null;
        Path directory = Objects.requireNonNullElse(properties.directory(), temporaryDirectory);
        this.store = openFree(directory);
        this.state = store.openMap("state");
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-state-commit");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::commit, every, every, TimeUnit.MILLISECONDS);
    }

    /** A store in memory only, for tests that run without Kafka. */
    public static StateStore inMemory() {
        return new StateStore();
    }

    private StateStore() {
        this.temporaryDirectory = null;
        this.store = new MVStore.Builder().open();
        this.state = store.openMap("state");
        this.committer = null;
    }

    /** The first file of the folder that no running instance holds (see class comment). */
    private static MVStore openFree(Path directory) {
        for (int instance = 0; instance < MAX_INSTANCES; instance++) {
            Path file = instance == 0 ? directory.resolve(FILE_NAME)
                    : directory.resolve("instance-" + instance).resolve(FILE_NAME);
            try {
                MVStore store = open(file);
                log.info("Ingest state in {}", file);
                return store;
            }
            catch (MVStoreException e) {
                if (e.getErrorCode() != DataUtils.ERROR_FILE_LOCKED) {
                    throw e;
                }
                log.info("Ingest state {} is held by another instance; trying the next file", file);
            }
        }
        throw new IllegalStateException("Every ingest state file under " + directory + " is held by another instance ("
                + MAX_INSTANCES + " at most share a folder)");
    }

    private static MVStore open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return builder(file).open();
        }
        catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw e; // another instance's file: not ours to delete
            }
            return rebuild(file, e);
        }
        catch (IllegalStateException e) {
            return rebuild(file, e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + file, e);
        }
    }

    private static MVStore rebuild(Path file, RuntimeException failure) {
        log.warn("Ingest state {} cannot be opened ({}); rebuilding it from the topics", file, failure.toString());
        deleteQuietly(file);
        return builder(file).open();
    }

    private static MVStore.Builder builder(Path file) {
        // Commits are ours (see class comment); a small page cache keeps the heap bounded whatever the file's size.
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(16);
    }

    /** The facts of one kind by uri, values encoded by their owner. */
    public StateMap map(String kind) {
        return new StateMap(state, kind);
    }

    /** The offset to read {@code partition} from: the one after the last record applied. */
    public long nextOffset(TopicPartition partition) {
        byte[] next = state.get(OFFSET + ':' + partition);
        return next == null ? 0 : ByteBuffer.wrap(next).getLong();
    }

    /** Applies what the record at {@code offset} changes, then counts the record as read (see class comment). */
    public void apply(TopicPartition partition, long offset, Runnable change) {
        change.run();
        state.put(OFFSET + ':' + partition, ByteBuffer.allocate(Long.BYTES).putLong(offset + 1).array());
    }

    /**
     * Makes sure the state was read from the cluster, and up to offsets that still exist: a state
     * from another cluster, or from a topic that was deleted and created again, is dropped and
     * rebuilt from the topics.
     *
     * @param ends the end offset of every followed partition
     * @return whether the state was dropped
     */
    public synchronized boolean validate(String clusterId, Map<TopicPartition, Long> ends) {
        byte[] stored = state.get(CLUSTER_ID);
        boolean otherCluster = stored != null && !clusterId.equals(new String(stored, StandardCharsets.UTF_8));
        boolean beyondEnd = ends.entrySet().stream().anyMatch(end -> nextOffset(end.getKey()) > end.getValue());
        if (otherCluster || beyondEnd) {
            log.warn("Ingest state was read from {}; rebuilding it from the topics",
                    otherCluster ? "another Kafka cluster" : "topics that no longer hold those offsets");
            state.clear();
        }
        state.put(CLUSTER_ID, clusterId.getBytes(StandardCharsets.UTF_8));
        commit();
        return otherCluster || beyondEnd;
    }

    /** Writes the state and its offsets to disk. */
    public synchronized void commit() {
        try {
            if (!store.isClosed()) {
                store.commit();
            }
        }
        catch (RuntimeException e) {
            log.warn("Ingest state not committed ({}); trying again", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (committer != null) {
            committer.shutdownNow();
        }
        synchronized (this) {
            store.close();
        }
        if (temporaryDirectory != null) {
            deleteQuietly(temporaryDirectory);
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("ingest-state");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> files = Files.exists(path) ? Files.walk(path) : Stream.empty()) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }
}
