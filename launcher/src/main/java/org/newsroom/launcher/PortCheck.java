package org.newsroom.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.newsroom.launcher.LauncherSettings.Port;

/**
 * Checks up front that every port is free, because a taken port otherwise shows up minutes later
 * as an obscure failure deep in one service's log.
 */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * @throws IllegalStateException listing every taken or duplicated port and how to choose another
     */
    static void requireFree(Map<Port, Integer> ports) {
        List<String> problems = new ArrayList<>();
        List<Port> taken = new ArrayList<>();
        Map<Integer, Port> claimed = new HashMap<>();
        for (Port use : Port.values()) {
            int port = Objects.requireNonNull(ports.get(use), use::label);
            Port other = claimed.putIfAbsent(port, use);
            if (other != null) {
                problems.add("port " + port + " is configured for both " + other.label() + " and " + use.label());
            } else if (!isFree(port)) {
                taken.add(use);
            }
        }
        if (!taken.isEmpty()) {
            problems.add(takenPorts(taken, ports));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot start: " + String.join("; ", problems) + ".");
        }
    }

    /** All taken ports in one sentence, since they are usually one earlier ./newsroom's. */
    private static String takenPorts(List<Port> taken, Map<Port, Integer> ports) {
        String which = String.join(", ", taken.stream().map(use -> ports.get(use) + " (" + use.label() + ")").toList());
        String options = String.join(", ", taken.stream().map(use -> "--" + use.option() + "=N").toList());
        return taken.size() == 1
                ? "port " + which + " is already in use: stop what uses it (an earlier ./newsroom?) or choose another with "
                        + options
                : "ports " + which + " are already in use: stop what uses them (an earlier ./newsroom?) or choose others"
                        + " with " + options;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the servers that will bind it: a port in TIME_WAIT counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
