package dev.annals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 13's "the import reaches the batch append's throughput": N events (the same ~1 KiB statement-issued events
 * as scenario 1) streamed as NDJSON to {@code POST /v1/timelines/{id}/events}, generated while they are sent, by 1
 * and by 4 concurrent imports (each its own timeline); events/s = events acknowledged / wall time of the slowest.
 * The report sets them beside scenario 1's 100-event batch appends at 1 and 8 connections of the same run.
 */
final class ImportScenario {
    /** One step: how many concurrent imports, what they reported, and how long they took. */
    record Step(int streams, long events, long appended, long rejected, double seconds, String firstError) {
        double eventsPerSecond() {
            return appended / seconds;
        }
    }

    private final BenchConfig config;
    private final AppProcess app;
    private final ObjectMapper mapper = new ObjectMapper();

    ImportScenario(BenchConfig config, AppProcess app) {
        this.config = config;
        this.app = app;
    }

    /** BENCH_IMPORT_EVENTS (default: 200,000 in full runs, 2,000 in smoke runs). */
    List<Step> run() throws Exception {
        int events = Integer.parseInt(System.getenv()
                .getOrDefault(
                        "BENCH_IMPORT_EVENTS",
                        Integer.toString(config.smoke() ? 2_000 : Math.min(config.events(), 200_000))));
        List<Step> steps = new ArrayList<>();
        for (int streams : new int[] {1, 4}) {
            BenchRunner.log("import: " + events + " events as NDJSON in " + streams + " concurrent request(s)");
            Step step = step(streams, events);
            BenchRunner.log(String.format(
                    "  %.0f events/s, %d appended, %d rejected in %.1f s",
                    step.eventsPerSecond(), step.appended(), step.rejected(), step.seconds()));
            steps.add(step);
        }
        return steps;
    }

    private Step step(int streams, int events) throws Exception {
        // HTTP/1.1: the JDK client's default h2c upgrade would have the server take the whole body first
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long t0 = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            String timeline = String.format("bench-import-%d-%d", streams, s);
            int share = events / streams;
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(app.baseUrl() + "/v1/timelines/" + timeline + "/events"))
                    .timeout(Duration.ofMinutes(30))
                    .header("Authorization", BenchAuth.BEARER)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(share)))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        long appended = 0;
        long rejected = 0;
        String firstError = null;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() != 200) {
                firstError = firstError != null ? firstError : "HTTP " + response.statusCode() + " " + response.body();
                continue;
            }
            JsonNode summary = mapper.readTree(response.body());
            appended += summary.path("appended").asLong();
            rejected += summary.path("rejected").asLong();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Step(streams, events / streams * (long) streams, appended, rejected, seconds, firstError);
    }

    /** {@code count} NDJSON lines of fresh events, made as they are read. */
    private static final class Lines extends InputStream {
        private final AppendBodies bodies = new AppendBodies(1);
        private int left;
        private byte[] line = new byte[0];
        private int at;

        Lines(int count) {
            this.left = count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at == line.length) {
                if (left == 0) {
                    return -1;
                }
                left--;
                byte[] array = bodies.next(null); // [ {...} ]: the event without its brackets, and a newline
                line = new byte[array.length - 1];
                System.arraycopy(array, 1, line, 0, array.length - 2);
                line[line.length - 1] = '\n';
                at = 0;
            }
            int n = Math.min(length, line.length - at);
            System.arraycopy(line, at, buffer, offset, n);
            at += n;
            return n;
        }
    }
}
