package dev.annals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Scenario 3: N events written straight to the topic, then projector catch-up from a cold start, then a rebuild. */
final class ProjectionScenario {

    /** Rates of the three phases. */
    record Result(
            long events,
            long bytes,
            double produceSeconds,
            double catchUpSeconds,
            long catchUpApplied,
            double replaySeconds,
            long readModelRows,
            long deadLettered,
            double appCpuSecondsCatchUp) {
        double catchUpRate() {
            return catchUpApplied / catchUpSeconds;
        }

        double replayRate() {
            return events / replaySeconds;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BenchConfig config;
    private final Infra infra;

    ProjectionScenario(BenchConfig config, Infra infra) {
        this.config = config;
        this.infra = infra;
    }

    /** Writes the data set to the topic (the app must not be running); returns {seconds, bytes}. */
    double[] produce(DataGenerator data, String topic) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        AtomicLong bytes = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            data.generate(topic, record -> {
                bytes.addAndGet(record.value().length);
                producer.send(record, (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            });
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new double[] {(System.nanoTime() - start) / 1e9, bytes.get()};
    }

    /** Starts the app on the filled topic and waits until the projector has applied everything. */
    Result catchUpAndReplay(AppProcess app, DataGenerator data, double[] produced, Profiler profiler) throws Exception {
        app.start("catchup");
        app.awaitStatus200("/q/health/live", Duration.ofSeconds(120));
        JsonNode first = status(app);
        long t0 = System.nanoTime();
        double cpu0 = app.cpuSeconds();
        boolean profiling = profiler != null && profiler.start(app.pid());
        long deadline = t0 + Duration.ofSeconds(config.catchUpTimeoutSeconds()).toNanos();
        JsonNode s = first;
        while (!caughtUp(s, data.events)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "projection did not catch up within " + config.catchUpTimeoutSeconds() + " s: " + s);
            }
            Thread.sleep(100);
            s = status(app);
        }
        double catchUp = (System.nanoTime() - t0) / 1e9;
        double cpu = app.cpuSeconds() - cpu0;
        if (profiling) {
            profiler.stop(app.pid(), "projection-catchup");
        }
        long applied = s.get("applied").asLong() - first.get("applied").asLong();
        long dead = s.get("deadLettered").asLong();
        int generation = s.get("activeGeneration").asInt();
        BenchRunner.log(String.format("catch-up: %d events in %.1f s", applied, catchUp));
        HttpRequest post = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/v1/projections/timeline/rebuild"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", BenchAuth.BEARER)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        long r0 = System.nanoTime();
        HttpResponse<String> res = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + res.statusCode() + ": " + res.body());
        }
        while (status(app).get("activeGeneration").asInt() == generation) {
            if (System.nanoTime()
                    > r0 + Duration.ofSeconds(config.catchUpTimeoutSeconds()).toNanos()) {
                throw new IllegalStateException(
                        "rebuild did not switch within " + config.catchUpTimeoutSeconds() + " s");
            }
            Thread.sleep(100);
        }
        double replay = (System.nanoTime() - r0) / 1e9;
        BenchRunner.log(String.format("rebuild: switched after %.1f s", replay));
        return new Result(
                data.events, (long) produced[1], produced[0], catchUp, applied, replay, readModelRows(), dead, cpu);
    }

    /** Waits until the live projector has no lag (e.g. after the append load); returns the last status. */
    JsonNode awaitNoLag(AppProcess app, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode s = status(app);
        while (totalLag(s) != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projector still lagging after " + timeout.toSeconds() + " s: " + s);
            }
            Thread.sleep(100);
            s = status(app);
        }
        return s;
    }

    private static long totalLag(JsonNode status) {
        JsonNode partitions = status.get("partitions");
        if (partitions == null || partitions.isEmpty()) {
            return -1;
        }
        long lag = 0;
        for (JsonNode p : partitions) {
            lag += p.get("lag").asLong();
        }
        return lag;
    }

    private boolean caughtUp(JsonNode status, long expected) throws Exception {
        JsonNode partitions = status.get("partitions");
        if (partitions == null
                || partitions.isEmpty()
                || !"running".equals(status.get("state").asText())) {
            return false;
        }
        long lag = 0;
        long end = 0;
        for (JsonNode p : partitions) {
            lag += p.get("lag").asLong();
            end += p.get("endOffset").asLong();
        }
        return lag == 0
                && end >= expected
                && readModelRows() >= expected - status.get("deadLettered").asLong();
    }

    long readModelRows() throws Exception {
        try (Connection c = infra.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from read_event where generation = "
                        + "(select active_generation from projection_state where projection = 'timeline')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    JsonNode status(AppProcess app) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/v1/projections"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", BenchAuth.BEARER)
                .GET()
                .build();
        HttpResponse<String> res = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/projections answered " + res.statusCode());
        }
        return mapper.readTree(res.body()).path("items").get(0);
    }
}
