package org.newsroom.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the services' executable jars ({@code <service>/target/<service>-<version>-exec.jar}) in a
 * checkout of the repository.
 */
public final class ServiceJars {

    public static final String INGEST = "ingest-service";
    public static final String ENRICH = "enrich-service";
    public static final String PUBLISH = "publish-service";

    /** In the order the pipeline runs; the launcher starts them all at once anyway. */
    public static final List<String> SERVICES = List.of(INGEST, ENRICH, PUBLISH);

    private static final String BUILD_HINT = "Build them first: ./mvnw -DskipTests package";

    private ServiceJars() {
    }

    /**
     * The executable jar of {@code service} under {@code home}; the newest if several versions exist.
     *
     * @throws IllegalStateException naming the missing jar and how to build it
     */
    public static Path locate(Path home, String service) {
        return find(home, service).orElseThrow(() ->
                new IllegalStateException("Missing " + expected(home, service) + ". " + BUILD_HINT));
    }

    /**
     * The jars of all {@link #SERVICES}, by service name.
     *
     * @throws IllegalStateException naming every missing jar at once, so one build fixes them all
     */
    public static Map<String, Path> locateAll(Path home) {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            find(home, service).ifPresentOrElse(jar -> jars.put(service, jar),
                    () -> missing.add(expected(home, service)));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing " + String.join(", ", missing) + ". " + BUILD_HINT);
        }
        return jars;
    }

    /**
     * Copies each jar to {@code <dir>/<service>.jar} and returns the copies. The copy is written
     * beside its target and then renamed over it, so a JVM still running an earlier copy keeps its
     * file (the old inode) intact, and a rebuild of {@code target/} never touches a running service.
     */
    public static Map<String, Path> copyForRun(Map<String, Path> jars, Path dir) {
        Map<String, Path> copies = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                Path copy = dir.resolve(jar.getKey() + ".jar");
                Path partial = dir.resolve(jar.getKey() + ".jar.partial");
                Files.copy(jar.getValue(), partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                copies.put(jar.getKey(), copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the services' jars to " + dir + ": " + e.getMessage(), e);
        }
        return copies;
    }

    private static Optional<Path> find(Path home, String service) {
        Path target = home.resolve(service).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, service + "-*-exec.jar")) {
            jars.forEach(candidates::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + target, e);
        }
        return candidates.stream().filter(Files::isRegularFile).max((a, b) -> lastModified(a).compareTo(lastModified(b)));
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expected(Path home, String service) {
        return home.resolve(service).resolve("target").resolve(service + "-<version>-exec.jar").normalize().toString();
    }
}
