package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path tmp;

    @Test
    void runsAnExecutableJarWithItsEnvironmentUntilHealthyAndStopsItOnClose() throws Exception {
        // Given an executable jar whose main class serves /actuator/health with UP
        Path jar = executableJar(HealthEndpointProgram.class);
        int port = FreePorts.pick();
        Path log = tmp.resolve("logs/health.log");

        // When it is started as a service and awaited
        try (ServiceProcess service = ServiceProcess.start("health", jar, port, Map.of("GREETING", "newsroom"),
                List.of("-Xmx64m"), log, false)) {
            service.awaitHealthy(Duration.ofSeconds(60));

            // Then it is alive on its port, got SERVER_PORT and the extra environment, and its output is logged
            assertThat(service.isAlive()).isTrue();
            assertThat(service.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            assertThat(service.logTail(5)).containsExactly("health endpoint listening on port " + port + " for newsroom");
            assertThat(Files.readAllLines(log)).containsExactly("health endpoint listening on port " + port + " for newsroom");

            // And when it is closed, the process is gone
            service.close();
            assertThat(service.isAlive()).isFalse();
            assertThat(ProcessHandle.of(service.pid())).isEmpty();
        }
    }

    @Test
    void failsFastWithTheLogTailWhenTheChildExitsBeforeBeingHealthy() {
        // Given a child that exits at once
        int port = FreePorts.pick();
        try (ServiceProcess service = ServiceProcess.start("failing", javaCommand(FailingProgram.class), port,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), tmp.resolve("failing.log"), false)) {

            // When it is awaited with a long timeout, Then it fails as soon as the child is gone, with its output
            assertThatThrownBy(() -> service.awaitHealthy(Duration.ofMinutes(10)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("failing exited with code 3 before it became healthy.")
                    .hasMessageContaining(tmp.resolve("failing.log").toString())
                    .hasMessageContaining("starting on port " + port)
                    .hasMessageContaining("cannot start: no broker at 127.0.0.1:1");
            assertThat(service.isAlive()).isFalse();
        }
    }

    @Test
    void timesOutWhileTheHealthEndpointReportsSomethingOtherThanUp() {
        // Given a child whose health is DOWN
        try (ServiceProcess service = ServiceProcess.start("down", javaCommand(HealthEndpointProgram.class, "DOWN"),
                FreePorts.pick(), Map.of(), tmp.resolve("down.log"), false)) {

            // When it is awaited briefly, Then the wait times out, naming the health URL, and the child still runs
            assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(3)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("down did not report UP at " + service.baseUri() + "/actuator/health within 3 s.");
            assertThat(service.isAlive()).isTrue();
        }
    }

    private static List<String> javaCommand(Class<?> mainClass, String... args) {
        return Stream.concat(Stream.of(ServiceProcess.javaExecutable().toString(), "-Xmx64m", "-cp",
                testClasses().toString(), mainClass.getName()), Stream.of(args)).toList();
    }

    private Path executableJar(Class<?> mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        String entry = mainClass.getName().replace('.', '/') + ".class";
        Path jar = tmp.resolve("service-exec.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(testClasses().resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private static Path testClasses() {
        try {
            return Path.of(ServiceProcessTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
