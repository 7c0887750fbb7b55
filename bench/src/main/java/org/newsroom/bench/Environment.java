package org.newsroom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.apache.kafka.common.utils.AppInfoParser;

/** The machine and the versions a run measured, for the report. */
final class Environment {

    private Environment() {
    }

    static Map<String, String> machine() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("CPU", cpuModel());
        rows.put("cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        rows.put("memory", Figures.bytes(memory));
        rows.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        rows.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        rows.put("load average at start", String.format(java.util.Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return rows;
    }

    static Map<String, String> versions(Map<String, Path> jars) {
        Map<String, String> rows = new LinkedHashMap<>();
        jars.forEach((service, jar) -> rows.put(service, manifestValue(jar, "Implementation-Version")
                + " (Spring Boot " + manifestValue(jar, "Spring-Boot-Version") + ")"));
        rows.put("Kafka broker and clients", AppInfoParser.getVersion());
        rows.put("MongoDB", "mongo-java-server, the launcher's durable file-backed store");
        return rows;
    }

    private static String manifestValue(Path jar, String attribute) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(attribute);
            return value != null ? value : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
