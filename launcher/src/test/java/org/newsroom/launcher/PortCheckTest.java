package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.launcher.LauncherSettings.Port;

class PortCheckTest {

    @Test
    void portsTakenByAnEarlierNewsroomAreNamedInOneSentenceWithTheirOptions() throws Exception {
        try (ServerSocket kafka = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket ingest = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<Port, Integer> ports = new EnumMap<>(Port.class);
            for (Port port : Port.values()) {
                ports.put(port, FreePorts.pick());
            }
            ports.put(Port.KAFKA, kafka.getLocalPort());
            ports.put(Port.INGEST, ingest.getLocalPort());

            assertThatIllegalStateException().isThrownBy(() -> PortCheck.requireFree(ports)).withMessage(
                    "Cannot start: ports " + kafka.getLocalPort() + " (Kafka), " + ingest.getLocalPort()
                            + " (ingest-service) are already in use: stop what uses them (an earlier ./newsroom?) or"
                            + " choose others with --kafka-port=N, --ingest-port=N.");
        }
    }

    @Test
    void aPortGivenTwiceIsNamedWithBothUses() {
        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            ports.put(port, FreePorts.pick());
        }
        ports.put(Port.PUBLISH, ports.get(Port.ENRICH));

        assertThatIllegalStateException().isThrownBy(() -> PortCheck.requireFree(ports)).withMessage(
                "Cannot start: port " + ports.get(Port.ENRICH) + " is configured for both enrich-service and publish-service.");
    }
}
