package dev.annals.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/** Helpers shared by the embedded servers: log noise, free ports, temp dirs. */
final class InfraSupport {

    private static final List<Object> QUIETED = new ArrayList<>();

    private InfraSupport() {}

    /**
     * Lowers the embedded servers' loggers to WARN (a broker start logs ~1500 INFO lines).
     * Goes straight to JBoss LogManager (the slf4j backend here) so it also works outside a
     * JVM that installed it as the JUL manager; Quarkus config set later still wins.
     */
    static synchronized void quiet() {
        if (!QUIETED.isEmpty() || Boolean.getBoolean("annals.infra.verbose")) {
            return;
        }
        try {
            for (String name : List.of("kafka", "state.change.logger", "org.apache.kafka", "io.zonky")) {
                org.jboss.logmanager.Logger logger = org.jboss.logmanager.Logger.getLogger(name);
                logger.setLevel(Level.WARNING);
                QUIETED.add(logger);
            }
        } catch (LinkageError e) {
            QUIETED.add(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }

    static int freePort(String host) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** A new directory under {@code java.io.tmpdir} (surefire points it at target/). */
    static Path freshTempDir(String parent, String prefix) {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"), parent);
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create temp dir under " + System.getProperty("java.io.tmpdir"), e);
        }
    }
}
