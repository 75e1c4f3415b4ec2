package dev.annals.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, SIGTERM'd while clients append: every append it acknowledged is in the journal,
 * and reaches the topic once an instance runs again. Runs after {@code package}, against the same embedded
 * Kafka and PostgreSQL the other tests use.
 */
class GracefulShutdownIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermUnderLoadLosesNothingAcknowledged() throws Exception {
        assertTrue(Files.exists(JAR), "run after package: " + JAR);
        AnnalsInfraResource.ensureStarted();
        String timeline = Fixtures.timeline("sigterm");

        Process first = startApp("first");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> appendUntilRefused(first, timeline, appending, acknowledged));
        }
        Thread.sleep(2_000);
        first.destroy(); // SIGTERM
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the app stops within the shutdown timeout");
        appending.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(List.of(0, 143).contains(first.exitValue()), "exit code " + first.exitValue());
        assertTrue(acknowledged.size() >= 10, "load was applied: " + acknowledged.size() + " appends acknowledged");

        Set<String> journal = journalIds(timeline);
        for (String id : acknowledged) {
            assertTrue(journal.contains(id), "acknowledged event " + id + " is in the journal");
        }

        Process second = startApp("second");
        try {
            Set<String> published = publishedIds(timeline, Set.copyOf(acknowledged));
            assertEquals(Set.copyOf(acknowledged), intersect(published, acknowledged),
                    "every acknowledged event reaches the topic");
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void appendUntilRefused(Process app, String timeline, AtomicBoolean appending,
                                    ConcurrentLinkedQueue<String> acknowledged) {
        String base = baseUrl(app);
        while (appending.get()) {
            String id = UUID.randomUUID().toString();
            Map<String, Object> event = Fixtures.statement("under load");
            event.put("id", id);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/v1/timelines/" + timeline + "/events"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(List.of(event)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledged.add(id);
                }
            } catch (IOException e) {
                if (!app.isAlive()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final Map<Process, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();

    private String baseUrl(Process app) {
        return "http://localhost:" + ports.get(app);
    }

    private Process startApp(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "graceful-shutdown-" + name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", AnnalsInfraResource.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", AnnalsInfraResource.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", AnnalsInfraResource.jdbcUsername());
        env.put("QUARKUS_DATASOURCE_PASSWORD", AnnalsInfraResource.jdbcPassword());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        Process app = builder.start();
        ports.put(app, port);
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            assertTrue(app.isAlive(), "the app died at start; see target/graceful-shutdown-" + name + ".log");
            assertTrue(System.currentTimeMillis() < deadline, "the app did not become ready");
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl(app) + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return app;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
    }

    private static Set<String> journalIds(String timeline) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(AnnalsInfraResource.jdbcUrl(),
                AnnalsInfraResource.jdbcUsername(), AnnalsInfraResource.jdbcPassword());
             PreparedStatement select = connection.prepareStatement(
                     "select event_id from journal where timeline_id = ?")) {
            select.setString(1, timeline);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static Set<String> publishedIds(String timeline, Set<String> wanted) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("annals.events", Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("ce_id");
                    if (timeline.equals(record.key()) && header != null) {
                        seen.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return seen;
    }

    private static Set<String> intersect(Set<String> published, ConcurrentLinkedQueue<String> acknowledged) {
        Set<String> result = new HashSet<>(acknowledged);
        result.retainAll(published);
        return result;
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
