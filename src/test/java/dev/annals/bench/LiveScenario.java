package dev.annals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12's "200 concurrent subscribers do not slow the projector measurably": projection throughput (events/s
 * applied) of N generated events written straight to the topic while the app runs, first with no live-feed
 * subscriber, then (the same amount, fresh timelines) with S {@code GET /v1/events/live} streams open: each follows
 * one of the data set's timelines ({@code BENCH_LIVE_FILTER=timeline}, the default, like a dashboard per story), or
 * every stream receives every event ({@code none}). A scenario, not a timed test: the report shows both rates and
 * their ratio.
 */
final class LiveScenario {

    /** Both runs, and what the subscribers received. */
    record Result(
            int events,
            int subscribers,
            double quietSeconds,
            double busySeconds,
            long expected,
            long delivered,
            double deliveredSeconds,
            long overflowed,
            String filter) {
        double quietRate() {
            return events / quietSeconds;
        }

        double busyRate() {
            return events / busySeconds;
        }

        /** Events the subscribers got within the wait, over those their filters match. */
        double deliveredShare() {
            return delivered / (double) expected;
        }
    }

    private final BenchConfig config;
    private final ProjectionScenario projection;
    private final AppProcess app;

    LiveScenario(BenchConfig config, Infra infra, AppProcess app) {
        this.config = config;
        this.projection = new ProjectionScenario(config, infra);
        this.app = app;
    }

    /** BENCH_LIVE (default: on in full runs, off in smoke runs), BENCH_LIVE_EVENTS, BENCH_LIVE_SUBSCRIBERS. */
    static boolean enabled(BenchConfig config) {
        return !"0".equals(System.getenv().getOrDefault("BENCH_LIVE", config.smoke() ? "0" : "1"));
    }

    Result run() throws Exception {
        int events = Integer.parseInt(System.getenv()
                .getOrDefault("BENCH_LIVE_EVENTS", Integer.toString(Math.min(config.events(), 100_000))));
        int subscribers = Integer.parseInt(System.getenv().getOrDefault("BENCH_LIVE_SUBSCRIBERS", "200"));
        projection.awaitNoLag(app, Duration.ofSeconds(config.catchUpTimeoutSeconds()));
        double quiet = timed(new DataGenerator(events, "live-quiet", 1201));
        BenchRunner.log(String.format("live: %d events, no subscriber: %.1f s", events, quiet));

        boolean byTimeline = !"none".equals(System.getenv().getOrDefault("BENCH_LIVE_FILTER", "timeline"));
        DataGenerator busyData = new DataGenerator(events, "live-busy", 1202);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Stream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < subscribers; i++) {
                String timeline = byTimeline ? String.format("live-busy-%04d", i % busyData.timelines) : null;
                streams.add(new Stream(http, app.baseUrl(), timeline));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (streams.stream().anyMatch(s -> !s.open()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long open = streams.stream().filter(Stream::open).count();
            if (open < subscribers) {
                throw new IllegalStateException("only " + open + " of " + subscribers + " live streams opened");
            }
            long t0 = System.nanoTime();
            double busy = timed(busyData);
            long expected = 0;
            for (Stream stream : streams) {
                stream.expected =
                        stream.timeline == null ? events : busyData.timelineCounts.getOrDefault(stream.timeline, 0);
                expected += stream.expected;
            }
            BenchRunner.log(String.format("live: %d events, %d subscribers: %.1f s", events, subscribers, busy));
            long wait = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (streams.stream().anyMatch(s -> s.events() < s.expected && !s.overflowed())
                    && System.nanoTime() < wait) {
                Thread.sleep(100);
            }
            long delivered = streams.stream().mapToLong(Stream::events).sum();
            long overflowed = streams.stream().filter(Stream::overflowed).count();
            return new Result(
                    events,
                    subscribers,
                    quiet,
                    busy,
                    expected,
                    delivered,
                    (System.nanoTime() - t0) / 1e9,
                    overflowed,
                    byTimeline ? "one timeline each" : "none");
        } finally {
            streams.forEach(Stream::close);
        }
    }

    /** Writes the data set to the topic while the app runs; seconds until the projector applied all of it. */
    private double timed(DataGenerator data) throws Exception {
        long before = projection.status(app).get("applied").asLong();
        long t0 = System.nanoTime();
        projection.produce(data, BenchRunner.TOPIC);
        long deadline = t0 + Duration.ofSeconds(config.catchUpTimeoutSeconds()).toNanos();
        JsonNode status = projection.status(app);
        while (status.get("applied").asLong() - before < data.events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("live scenario: projector did not apply " + data.events + " events");
            }
            Thread.sleep(50);
            status = projection.status(app);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** One live stream (of one timeline, or unfiltered) that counts the events it receives. */
    private static final class Stream implements Flow.Subscriber<String> {
        final String timeline;
        volatile long expected = Long.MAX_VALUE;
        private final AtomicLong events = new AtomicLong();
        private volatile boolean opened;
        private volatile boolean overflowed;
        private volatile Flow.Subscription subscription;
        private final CompletableFuture<HttpResponse<Void>> response;

        Stream(HttpClient http, String baseUrl, String timeline) {
            this.timeline = timeline;
            String query = timeline == null ? "" : "?timeline=" + timeline;
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/events/live" + query))
                    .header("Authorization", BenchAuth.BEARER)
                    .header("Accept", "text/event-stream")
                    .build();
            response = http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(this));
        }

        boolean open() {
            return opened;
        }

        long events() {
            return events.get();
        }

        boolean overflowed() {
            return overflowed;
        }

        void close() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            response.cancel(true);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(":")) {
                opened = true;
            } else if (line.equals("event: event") || line.equals("event:event")) {
                events.incrementAndGet();
            } else if (line.startsWith("event:") && line.endsWith("overflow")) {
                overflowed = true;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the stream ended; its count stays
        }

        @Override
        public void onComplete() {
            // the stream ended; its count stays
        }
    }
}
