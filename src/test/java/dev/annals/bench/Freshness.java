package dev.annals.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Freshness at a fixed offered load (open loop): single-event appends sent on a timer, and for every 201 a small
 * pool polls {@code GET /v1/events/{id}} every {@value #POLL_MS} ms until it answers 200.
 */
final class Freshness {
    static final int POLL_MS = 2;
    static final int POLLERS = 4;

    /** Outcome: append latency, acked-to-visible latency, how many never became visible. */
    record Result(int offeredRate, double ackedRate, long sent, long acked, long errors, long invisible,
                  double pollsPerEvent, Latency append, Latency visible, String firstError) {
    }

    /** One acknowledged event waiting to become visible. */
    private static final class Pending implements Delayed {
        final String id;
        final long ackNanos;
        long dueNanos;
        int polls;

        Pending(String id, long ackNanos) {
            this.id = id;
            this.ackNanos = ackNanos;
            this.dueNanos = ackNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Pending) o).dueNanos);
        }
    }

    private final String baseUrl;
    private final List<String> timelines;

    Freshness(String baseUrl, List<String> timelines) {
        this.baseUrl = baseUrl;
        this.timelines = timelines;
    }

    Result run(int rate, int seconds, TopicTracker tracker) throws InterruptedException {
        AppendBodies bodies = new AppendBodies(1);
        long total = (long) rate * seconds;
        List<byte[]> prepared = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            prepared.add(bodies.next(ids));
        }
        HttpClient sender = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        DelayQueue<Pending> pending = new DelayQueue<>();
        Histogram append = Latency.histogram();
        Histogram visible = Latency.histogram();
        AtomicLong acked = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong polls = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> pollers = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        for (int p = 0; p < POLLERS; p++) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Thread t = new Thread(() -> poll(client, pending, visible, done, polls, errors, firstError, running),
                    "freshness-poll-" + p);
            t.setDaemon(true);
            t.start();
            pollers.add(t);
        }
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String timeline = timelines.get(i % timelines.size());
            String id = ids.get(i);
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/timelines/" + timeline + "/events"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.get(i))).build();
            long t0 = System.nanoTime();
            sender.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((res, err) -> {
                long now = System.nanoTime();
                if (err == null && res.statusCode() == 201) {
                    synchronized (append) {
                        Latency.record(append, now - t0);
                    }
                    acked.incrementAndGet();
                    lastAck.accumulateAndGet(now, Math::max);
                    tracker.acked(timeline, LoadGenerator.version(res.body()));
                    pending.add(new Pending(id, now));
                } else {
                    errors.incrementAndGet();
                    done.incrementAndGet();
                    firstError.compareAndSet(null, err != null ? err.toString()
                            : "HTTP " + res.statusCode() + ": " + LoadGenerator.abbreviate(res.body()));
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        running.set(false);
        for (Thread t : pollers) {
            t.join(2000);
        }
        long visibleCount = visible.getTotalCount();
        double ackSeconds = (lastAck.get() - start) / 1e9;
        return new Result(rate, acked.get() / ackSeconds, total, acked.get(), errors.get(), acked.get() - visibleCount,
                visibleCount == 0 ? 0 : (double) polls.get() / visibleCount, Latency.of(append), Latency.of(visible),
                firstError.get());
    }

    private void poll(HttpClient client, DelayQueue<Pending> pending, Histogram visible, AtomicLong done,
                      AtomicLong polls, AtomicLong errors, AtomicReference<String> firstError, AtomicBoolean running) {
        while (running.get()) {
            Pending p;
            try {
                p = pending.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (p == null) {
                continue;
            }
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/events/" + p.id))
                        .timeout(Duration.ofSeconds(10)).GET().build();
                int status = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                polls.incrementAndGet();
                p.polls++;
                if (status == 200) {
                    synchronized (visible) {
                        Latency.record(visible, System.nanoTime() - p.ackNanos);
                    }
                    done.incrementAndGet();
                } else if (status == 404 && System.nanoTime() - p.ackNanos < TimeUnit.SECONDS.toNanos(20)) {
                    p.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MS);
                    pending.add(p);
                } else {
                    errors.incrementAndGet();
                    done.incrementAndGet();
                    firstError.compareAndSet(null, "GET /v1/events/" + p.id + ": HTTP " + status);
                }
            } catch (IOException e) {
                pending.add(p);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
