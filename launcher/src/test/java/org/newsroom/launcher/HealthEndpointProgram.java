package org.newsroom.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service for {@link ServiceProcessTest}: answers {@code /actuator/health} on
 * {@code SERVER_PORT} with the status given as first argument (UP by default).
 */
public final class HealthEndpointProgram {

    private HealthEndpointProgram() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        byte[] body = ("{\"status\":\"" + (args.length > 0 ? args[0] : "UP") + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("health endpoint listening on port " + port + " for " + System.getenv("GREETING"));
    }
}
