package dev.annals.devrun;

import dev.annals.testing.EmbeddedDatabase;
import dev.annals.testing.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One-command local run: embedded PostgreSQL and Kafka with data kept under {@code target/annals-dev},
 * the packaged application as a child process, the event-type packs of {@code src/main/resources/packs} and the
 * demo storylines of {@code src/main/resources/seed}, both loaded through the API.
 */
public final class DevLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CHILD_STOP_GRACE = Duration.ofSeconds(20);

    private final Path baseDir;
    private final int httpPort;
    private final int managementPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedDatabase database;
    private EmbeddedKafkaBroker kafka;
    private Process app;
    private DevCredentials credentials;
    private boolean shutDown;

    private DevLauncher(Path baseDir, int httpPort, int managementPort) {
        this.baseDir = baseDir;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Runs until the application exits or the JVM is told to stop (Ctrl-C, SIGTERM). */
    public static void main(String[] args) {
        Path baseDir = Path.of(System.getProperty("annals.basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        String port = System.getenv().getOrDefault("QUARKUS_HTTP_PORT", "8080").trim();
        // zonky extracts its binaries under java.io.tmpdir; keep them in target/ like everything else
        System.setProperty("java.io.tmpdir", baseDir.resolve("target").toString());
        String management =
                System.getenv().getOrDefault("QUARKUS_MANAGEMENT_PORT", "9000").trim();
        DevLauncher launcher = new DevLauncher(baseDir, Integer.parseInt(port), Integer.parseInt(management));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown, "annals-dev-shutdown"));
        int code;
        try {
            code = launcher.run();
        } catch (Exception e) {
            System.err.println("[annals-dev] FAILED: " + e.getMessage());
            code = 1;
        }
        launcher.shutdown();
        System.exit(code);
    }

    private int run() throws Exception {
        Path jar = baseDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found; build it first with ./mvnw package -DskipTests");
        }
        Path dataDir = baseDir.resolve("target/annals-dev");
        log("starting PostgreSQL (data in " + dataDir.resolve("postgres") + ")");
        synchronized (this) {
            requireNotShutDown();
            database = EmbeddedDatabase.startPersistent(dataDir.resolve("postgres"));
        }
        log("starting Kafka (data in " + dataDir.resolve("kafka") + ")");
        synchronized (this) {
            requireNotShutDown();
            kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0).start();
        }
        credentials = DevCredentials.prepare(dataDir);
        startApp(jar);
        if (!awaitReady()) {
            return app.isAlive() ? 1 : app.exitValue();
        }
        List<String> timelines = loadDemo();
        printBanner(timelines);
        int code = app.waitFor();
        log("application exited with code " + code);
        return code;
    }

    private synchronized void startApp(Path jar) throws IOException {
        requireNotShutDown();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString())
                .directory(baseDir.toFile())
                .inheritIO();
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        // human-readable logs for a local run; the packaged app logs JSON by default (production)
        env.putIfAbsent("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        credentials.putInto(env);
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.putIfAbsent("QUARKUS_SWAGGER_UI_ENABLED", "true");
        log("starting " + String.join(" ", pb.command()));
        app = pb.start();
    }

    private boolean awaitReady() throws InterruptedException {
        URI health = URI.create(managementUrl() + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                System.err.println("[annals-dev] FAILED: the application exited with code " + app.exitValue()
                        + " before it became ready (see its log above)");
                return false;
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        System.err.println(
                "[annals-dev] FAILED: " + health + " did not answer 200 within " + READY_TIMEOUT.toSeconds() + " s");
        return false;
    }

    private List<String> loadDemo() throws IOException, InterruptedException {
        DemoSeeder seeder = new DemoSeeder(http, baseUrl(), credentials, DevLauncher::log);
        // the packs first: the storylines use their types
        seeder.registerPacks(baseDir.resolve("src/main/resources/packs"));
        return seeder.loadStorylines(baseDir.resolve("src/main/resources/seed"));
    }

    private void printBanner(List<String> timelines) {
        String line = "=".repeat(72);
        System.out.println(String.join(
                System.lineSeparator(),
                "",
                line,
                "  Annals is running",
                "  API base URL     " + baseUrl() + "/v1",
                "  Swagger UI       " + baseUrl() + "/q/swagger-ui",
                "  OpenAPI          " + baseUrl() + "/q/openapi",
                "  Health, metrics  " + managementUrl() + "/q/health, " + managementUrl() + "/q/metrics",
                "  Tokens (valid " + DevCredentials.TOKEN_LIFETIME.toDays() + " days, also in " + credentials.tokenDir()
                        + "/<role>.jwt):",
                "    export READER_TOKEN=" + credentials.token("reader"),
                "    export WRITER_TOKEN=" + credentials.token("writer"),
                "    export ADMIN_TOKEN=" + credentials.token("admin"),
                "  Try              curl -H \"Authorization: Bearer $READER_TOKEN\" " + baseUrl() + "/v1/timelines",
                "  Storylines       " + (timelines.isEmpty() ? "(none loaded)" : String.join(", ", timelines)),
                "  Event types      curl -H \"Authorization: Bearer $READER_TOKEN\" " + baseUrl() + "/v1/event-types",
                "  Kafka bootstrap  " + kafka.bootstrapServers(),
                "  PostgreSQL JDBC  " + database.jdbcUrl() + " (user " + database.username() + ")",
                "  Data kept in     " + baseDir.resolve("target/annals-dev"),
                "  Stop with Ctrl-C",
                line,
                ""));
    }

    /** Idempotent; runs from the shutdown hook and after a normal exit: app first, then Kafka, then PostgreSQL. */
    private synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        if (app != null && app.isAlive()) {
            log("stopping the application");
            app.destroy();
            try {
                if (!app.waitFor(CHILD_STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    log("the application did not stop within " + CHILD_STOP_GRACE.toSeconds() + " s, killing it");
                    app.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                app.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            log("stopping Kafka");
            kafka.stop();
        }
        if (database != null) {
            log("stopping PostgreSQL");
            database.stop();
        }
        log("stopped");
    }

    private void requireNotShutDown() {
        if (shutDown) {
            throw new IllegalStateException("interrupted by shutdown");
        }
    }

    private String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    private String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    private static void log(String message) {
        System.out.println("[annals-dev] " + message);
    }
}
