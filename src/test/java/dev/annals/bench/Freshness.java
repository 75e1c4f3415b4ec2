package dev.annals.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Freshness at a fixed offered load (open loop): single-event appends sent on a timer. Every {@value #POLL_MS} ms
 * one JDBC query asks which acknowledged events the active read-model generation holds (the rows
 * {@code GET /v1/events/{id}} reads): that instant is "visible". Each visible event is then confirmed with one
 * {@code GET /v1/events/{id}}, which must answer 200; its completion is the "API visible" time. Polling the API
 * itself every 2 ms per pending event would cost the 2-core machine thousands of requests per second and saturate
 * the poller pool, measuring the pool instead of the projection.
 */
final class Freshness {
    static final int POLL_MS = 2;
    static final int CONFIRMERS = 8;

    /** Outcome: append latency, acked-to-visible latencies, how many never became visible. */
    record Result(
            int offeredRate,
            double ackedRate,
            long sent,
            long acked,
            long errors,
            long invisible,
            Latency append,
            Latency visible,
            Latency apiVisible,
            Latency get,
            String firstError) {}

    private final String baseUrl;
    private final List<String> timelines;
    private final Infra infra;

    Freshness(String baseUrl, List<String> timelines, Infra infra) {
        this.baseUrl = baseUrl;
        this.timelines = timelines;
        this.infra = infra;
    }

    Result run(int rate, int seconds, TopicTracker tracker) throws Exception {
        AppendBodies bodies = new AppendBodies(1);
        int total = rate * seconds;
        List<byte[]> prepared = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            prepared.add(bodies.next(ids));
        }
        HttpClient sender =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpClient confirmClient =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService confirmers = Executors.newFixedThreadPool(CONFIRMERS);
        Map<UUID, Long> pending = new ConcurrentHashMap<>();
        Histogram append = Latency.histogram();
        Histogram visible = Latency.histogram();
        Histogram apiVisible = Latency.histogram();
        Histogram get = Latency.histogram();
        AtomicLong acked = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Thread poller = new Thread(
                () -> {
                    try (Connection c = infra.connect();
                            PreparedStatement st = c.prepareStatement("select e.event_id from " + "read_event e where "
                                    + RawSql.ACTIVE + " and e.event_id = any(?)")) {
                        while (done.get() < total) {
                            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MS);
                            if (!pending.isEmpty()) {
                                st.setArray(
                                        1,
                                        c.createArrayOf("uuid", pending.keySet().toArray()));
                                try (ResultSet rs = st.executeQuery()) {
                                    long now = System.nanoTime();
                                    while (rs.next()) {
                                        UUID id = rs.getObject(1, UUID.class);
                                        Long ack = pending.remove(id);
                                        if (ack != null) {
                                            record(visible, now - ack);
                                            confirmers.execute(() -> confirm(
                                                    confirmClient, id, ack, apiVisible, get, errors, firstError, done));
                                        }
                                    }
                                }
                            }
                            LockSupport.parkNanos(next - System.nanoTime());
                        }
                    } catch (Exception e) {
                        firstError.compareAndSet(null, "visibility poll failed: " + e);
                    }
                },
                "freshness-poll");
        poller.setDaemon(true);
        poller.start();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * period - System.nanoTime());
            String timeline = timelines.get(i % timelines.size());
            UUID id = UUID.fromString(ids.get(i));
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/timelines/" + timeline + "/events"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", BenchAuth.BEARER)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.get(i)))
                    .build();
            long t0 = System.nanoTime();
            sender.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((res, err) -> {
                long now = System.nanoTime();
                if (err == null && res.statusCode() == 201) {
                    record(append, now - t0);
                    acked.incrementAndGet();
                    lastAck.accumulateAndGet(now, Math::max);
                    tracker.acked(timeline, LoadGenerator.version(res.body()));
                    pending.put(id, now);
                } else {
                    errors.incrementAndGet();
                    done.incrementAndGet();
                    firstError.compareAndSet(
                            null,
                            err != null
                                    ? err.toString()
                                    : "HTTP " + res.statusCode() + ": " + LoadGenerator.abbreviate(res.body()));
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        done.set(total);
        poller.join(2000);
        confirmers.shutdown();
        confirmers.awaitTermination(10, TimeUnit.SECONDS);
        double ackSeconds = (lastAck.get() - start) / 1e9;
        return new Result(
                rate,
                acked.get() / ackSeconds,
                total,
                acked.get(),
                errors.get(),
                acked.get() - visible.getTotalCount(),
                Latency.of(append),
                Latency.of(visible),
                Latency.of(apiVisible),
                Latency.of(get),
                firstError.get());
    }

    private void confirm(
            HttpClient client,
            UUID id,
            long ack,
            Histogram apiVisible,
            Histogram get,
            AtomicLong errors,
            AtomicReference<String> firstError,
            AtomicLong done) {
        try {
            long t0 = System.nanoTime();
            int status = client.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/v1/events/" + id))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Authorization", BenchAuth.BEARER)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            long now = System.nanoTime();
            record(get, now - t0);
            if (status == 200) {
                record(apiVisible, now - ack);
            } else {
                errors.incrementAndGet();
                firstError.compareAndSet(
                        null, "GET /v1/events/" + id + " answered " + status + " after the row was visible");
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, "GET /v1/events/" + id + ": " + e);
        } finally {
            done.incrementAndGet();
        }
    }

    private static void record(Histogram h, long nanos) {
        synchronized (h) {
            Latency.record(h, nanos);
        }
    }
}
