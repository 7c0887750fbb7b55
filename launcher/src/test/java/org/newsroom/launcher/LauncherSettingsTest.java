package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.newsroom.launcher.LauncherSettings.Port;

class LauncherSettingsTest {

    @Test
    void defaultsToTheServicesOwnDefaultPortsAndTheCurrentFolder() {
        LauncherSettings settings = LauncherSettings.parse(new String[0], new Properties());

        assertThat(settings.ports()).containsOnly(
                Map.entry(Port.KAFKA, 9092), Map.entry(Port.KAFKA_CONTROLLER, 9093),
                Map.entry(Port.MONGO, 27017), Map.entry(Port.INGEST, 8081),
                Map.entry(Port.ENRICH, 8082), Map.entry(Port.PUBLISH, 8083));
        assertThat(settings.home()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(settings.dataDir()).isEqualTo(Path.of("").toAbsolutePath().resolve(".newsroom"));
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.reset()).isFalse();
        assertThat(settings.quiet()).isFalse();
    }

    @Test
    void optionsOverrideSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty("newsroom.home", "/srv/newsroom");
        properties.setProperty("newsroom.kafka-port", "19092");
        properties.setProperty("newsroom.mongo-port", "37017");

        LauncherSettings settings = LauncherSettings.parse(
                new String[] {"--reset", "--quiet", "--kafka-port=29092", "--startup-timeout=30"}, properties);

        assertThat(settings.port(Port.KAFKA)).isEqualTo(29092);
        assertThat(settings.port(Port.MONGO)).isEqualTo(37017);
        assertThat(settings.logsDir()).isEqualTo(Path.of("/srv/newsroom/.newsroom/logs"));
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.reset()).isTrue();
        assertThat(settings.quiet()).isTrue();
    }

    @Test
    void rejectsUnknownOptionsAndPortsThatAreNotPorts() {
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--kafka=1"}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option --kafka=1");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--mongo-port=70000"}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--mongo-port needs a number from 1 to 65535, not '70000'");
    }

    @Test
    void portCheckNamesATakenPortAndTheOptionThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String[] args = {
                "--kafka-port=" + taken.getLocalPort(),
                "--kafka-controller-port=" + FreePorts.pick(),
                "--mongo-port=" + FreePorts.pick(),
                "--ingest-port=" + FreePorts.pick(),
                "--enrich-port=" + FreePorts.pick(),
                "--publish-port=" + FreePorts.pick()};
            LauncherSettings settings = LauncherSettings.parse(args, new Properties());

            assertThatThrownBy(() -> PortCheck.requireFree(settings.ports()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot start: port " + taken.getLocalPort() + " (Kafka) is already in use: stop what"
                            + " uses it (an earlier ./newsroom?) or choose another with --kafka-port=N.");
        }
    }
}
