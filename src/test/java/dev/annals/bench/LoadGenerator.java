package dev.annals.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop append load: N worker threads, each with its own HTTP/1.1 connection (one JDK {@link HttpClient}
 * per worker), sending pre-built bodies to random timelines back to back for a fixed time.
 */
final class LoadGenerator {

    /** What one load step did. */
    record Step(
            int connections,
            int eventsPerRequest,
            long requests,
            long events,
            long errors,
            double seconds,
            Latency latency,
            String firstError) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final String baseUrl;
    private final List<String> timelines;
    private final TopicTracker tracker;

    LoadGenerator(String baseUrl, List<String> timelines, TopicTracker tracker) {
        this.baseUrl = baseUrl;
        this.timelines = timelines;
        this.tracker = tracker;
    }

    Step run(AppendBodies bodies, int connections, Duration duration) throws InterruptedException {
        List<URI> uris = timelines.stream()
                .map(t -> URI.create(baseUrl + "/v1/timelines/" + t + "/events"))
                .toList();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int w = 0; w < connections; w++) {
            Histogram h = Latency.histogram();
            histograms.add(h);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Thread t = new Thread(
                    () -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline) {
                            int i = random.nextInt(uris.size());
                            byte[] body = bodies.next(null);
                            HttpRequest req = HttpRequest.newBuilder(uris.get(i))
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", BenchAuth.BEARER)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build();
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
                                Latency.record(h, System.nanoTime() - t0);
                                requests.incrementAndGet();
                                if (res.statusCode() == 201) {
                                    acked.incrementAndGet();
                                    tracker.acked(timelines.get(i), version(res.body()));
                                } else {
                                    errors.incrementAndGet();
                                    firstError.compareAndSet(
                                            null, "HTTP " + res.statusCode() + ": " + abbreviate(res.body()));
                                }
                            } catch (IOException e) {
                                requests.incrementAndGet();
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "load-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = Latency.histogram();
        histograms.forEach(all::add);
        return new Step(
                connections,
                bodies.eventsPerRequest(),
                requests.get(),
                acked.get() * bodies.eventsPerRequest(),
                errors.get(),
                seconds,
                Latency.of(all),
                firstError.get());
    }

    /** The {@code version} of an append response, without a JSON parser on the hot path. */
    static long version(String body) {
        int i = body.indexOf("\"version\":");
        if (i < 0) {
            throw new IllegalStateException("no version in " + abbreviate(body));
        }
        i += 10;
        while (body.charAt(i) == ' ') {
            i++;
        }
        long v = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            v = v * 10 + (body.charAt(i++) - '0');
        }
        return v;
    }

    static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
