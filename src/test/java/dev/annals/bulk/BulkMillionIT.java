package dev.annals.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The packaged app with a capped heap imports {@code bulk.events} (1,000,000 by default; 263 s in all on a busy 2-core
 * machine: import 187 s, projection 32 s more, export 28 s, heap at most 106 of 128 MB) events as one streamed
 * NDJSON request, generated on the fly, and exports them as NDJSON, counted as they arrive: neither side ever
 * holds the whole body.
 */
class BulkMillionIT {
    private static final int EVENTS = Integer.getInteger("bulk.events", 1_000_000);
    private static final String HEAP = System.getProperty("bulk.heap", "128m");
    /** HTTP/1.1: an h2c upgrade would make the server read the whole body before it answers the upgrade. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void importsAndExportsAMillionEventsInASmallHeap() throws Exception {
        String timeline = Fixtures.timeline("million");
        try (PackagedApp app =
                PackagedApp.start("bulk-million", List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError"))) {
            AtomicLong maxHeap = new AtomicLong();
            Thread sampler = new Thread(() -> sampleHeap(app, maxHeap), "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            HttpResponse<String> imported = HTTP.send(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/v1/timelines/" + timeline + "/events"))
                            .header("Authorization", "Bearer " + TestTokens.all())
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(EVENTS)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double importSeconds = (System.nanoTime() - start) / 1e9;
            assertEquals(200, imported.statusCode(), imported.body());
            assertTrue(imported.body().contains("\"appended\":" + EVENTS + ","), imported.body());
            String position = timeline + ":" + EVENTS;

            long projected = System.nanoTime();
            while (app.get("/v1/timelines/" + timeline + "/events?limit=1&waitFor=" + position)
                            .statusCode()
                    == 503) {
                assertTrue(app.process().isAlive(), "the app is alive");
            }
            double projectSeconds = (System.nanoTime() - projected) / 1e9;

            long exportStart = System.nanoTime();
            HttpResponse<InputStream> exported = HTTP.send(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/v1/timelines/" + timeline + "/events"))
                            .header("Authorization", "Bearer " + TestTokens.all())
                            .header("Accept", "application/x-ndjson")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, exported.statusCode());
            long lines = 0;
            long bytes = 0;
            try (InputStream in = exported.body()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            sampler.interrupt();
            assertEquals(EVENTS, lines);
            assertTrue(app.process().isAlive(), "no OutOfMemoryError");
            System.out.printf(
                    "BULK %d events, -Xmx%s: import %.1f s (%.0f events/s), projection caught up %.1f s later, "
                            + "export %.1f s (%.0f events/s, %d MB), max heap used %d MB%n",
                    EVENTS,
                    HEAP,
                    importSeconds,
                    EVENTS / importSeconds,
                    projectSeconds,
                    exportSeconds,
                    EVENTS / exportSeconds,
                    bytes / 1_000_000,
                    maxHeap.get() / 1_000_000);
        }
    }

    /** The largest heap in use the metrics report, sampled every half second. */
    private static void sampleHeap(PackagedApp app, AtomicLong max) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long used = app.management("/q/metrics")
                        .body()
                        .lines()
                        .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .sum();
                max.accumulateAndGet(used, Math::max);
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // a sample missed
            }
        }
    }

    /** {@code count} NDJSON events, generated as they are read. */
    static final class Generated extends InputStream {
        private final int count;
        private int next;
        private byte[] line = new byte[0];
        private int position;

        Generated(int count) {
            this.count = count;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == line.length) {
                if (next == count) {
                    return -1;
                }
                line = line(next++);
                position = 0;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private static byte[] line(int i) {
            String occurredAt = java.time.Instant.parse("2026-01-01T00:00:00Z")
                    .plusSeconds(i)
                    .toString();
            return ("{\"id\":\"" + new UUID(0x5eed, i) + "\",\"type\":\"statement-issued\",\"occurredAt\":\""
                            + occurredAt + "\",\"title\":\"bulk event " + i + "\",\"actors\":[{\"id\":\"dario-amodei\","
                            + "\"name\":\"Dario Amodei\"}],\"tags\":[\"bulk\"],\"data\":{\"speaker\":\"dario-amodei\","
                            + "\"quote\":\"line " + i + "\"}}\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
