package dev.annals.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.testing.AnnalsInfraResource;
import dev.annals.testing.PackagedEnv;
import dev.annals.testing.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged application ({@code target/quarkus-app}) as a child process on the shared test Kafka and PostgreSQL. */
public final class PackagedApp implements AutoCloseable {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** A connection accepted while the server shuts down may never be answered: never wait for ever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The cursor secret every test instance shares, so cursors from one instance work on another. */
    private static final String CURSOR_SECRET = "packaged-app-test-cursor-secret-0123456789";

    private final Process process;
    private final int port;
    private final int managementPort;

    private PackagedApp(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts an instance on a free port and waits until it is ready; its output goes to target/{name}.log. */
    public static PackagedApp start(String name) throws Exception {
        return start(name, List.of(), Map.of());
    }

    /** As {@link #start(String)}, with extra JVM options such as {@code -Xmx256m}. */
    public static PackagedApp start(String name, List<String> jvmOptions) throws Exception {
        return start(name, jvmOptions, Map.of());
    }

    /** As {@link #start(String)}, with JVM options before {@code -jar} (e.g. {@code -Xmx256m}) and extra environment. */
    public static PackagedApp start(String name, List<String> jvmArgs, Map<String, String> extraEnv) throws Exception {
        assertTrue(Files.exists(JAR), "run after package: " + JAR);
        AnnalsInfraResource.ensureStarted();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", AnnalsInfraResource.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", AnnalsInfraResource.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", AnnalsInfraResource.jdbcUsername());
        env.put("QUARKUS_DATASOURCE_PASSWORD", AnnalsInfraResource.jdbcPassword());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        int managementPort = PackagedEnv.secure(env, TestTokens.keys(), CURSOR_SECRET);
        env.putAll(extraEnv);
        PackagedApp app = new PackagedApp(builder.start(), port, managementPort);
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            assertTrue(app.process.isAlive(), "the app died at start; see target/" + name + ".log");
            assertTrue(System.currentTimeMillis() < deadline, "the app did not become ready");
            try {
                if (app.management("/q/health/ready").statusCode() == 200) {
                    return app;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Process process() {
        return process;
    }

    /** A GET of the API with a token holding every role. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + TestTokens.all())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of the management interface (health, metrics), which needs no token. */
    public HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                        .timeout(REQUEST_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(path, "POST", json);
    }

    public HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(path, "PUT", json);
    }

    private HttpResponse<String> send(String path, String method, String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.all())
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, then wait for the exit; returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app stops within the shutdown timeout");
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate();
        }
    }
}
