package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path home;

    @Test
    void findsEveryServicesExecutableJarButNotItsPlainJar() throws IOException {
        Path ingest = touch("ingest-service/target/ingest-service-0.1.0-SNAPSHOT-exec.jar");
        touch("ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar");
        Path enrich = touch("enrich-service/target/enrich-service-0.1.0-SNAPSHOT-exec.jar");
        Path publish = touch("publish-service/target/publish-service-0.1.0-SNAPSHOT-exec.jar");

        assertThat(ServiceJars.locateAll(home)).containsExactly(
                Map.entry(ServiceJars.INGEST, ingest), Map.entry(ServiceJars.ENRICH, enrich), Map.entry(ServiceJars.PUBLISH, publish));
    }

    @Test
    void namesEveryMissingJarAndHowToBuildIt() throws IOException {
        touch("enrich-service/target/enrich-service-0.1.0-SNAPSHOT-exec.jar");

        assertThatThrownBy(() -> ServiceJars.locateAll(home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Missing " + home.resolve("ingest-service/target/ingest-service-<version>-exec.jar") + ", "
                        + home.resolve("publish-service/target/publish-service-<version>-exec.jar")
                        + ". Build them first: ./mvnw -DskipTests package");
    }

    private Path touch(String relative) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.createFile(file);
    }
}
