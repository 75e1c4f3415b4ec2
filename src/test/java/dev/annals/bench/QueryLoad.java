package dev.annals.bench;

import dev.annals.query.QuerySql;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/** Runs one query N times from a fixed number of concurrent clients, over HTTP or straight over JDBC. */
final class QueryLoad {
    private static final int WARMUP = 8;

    /** Latency, rows of the last result, errors. */
    record Outcome(Latency latency, long rows, long errors, String firstError) {}

    /** One execution by one client; returns the rows (JDBC) or 0. */
    private interface Call {
        long call(int client) throws Exception;
    }

    private final Infra infra;
    private final String baseUrl;
    private final int clients;
    private final List<HttpClient> http = new ArrayList<>();

    QueryLoad(Infra infra, String baseUrl, int clients) {
        this.infra = infra;
        this.baseUrl = baseUrl;
        this.clients = clients;
        for (int i = 0; i < clients; i++) {
            http.add(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
    }

    Outcome http(String path, int requests, int maxSeconds) throws Exception {
        URI uri = URI.create(baseUrl + path);
        return run(requests, maxSeconds, client -> {
            HttpResponse<byte[]> res = http.get(client)
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Authorization", BenchAuth.BEARER)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": HTTP " + res.statusCode() + " "
                        + LoadGenerator.abbreviate(new String(res.body(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            return 0;
        });
    }

    /** The statement run directly, prepared (and planned) per call as the app does. */
    Outcome jdbc(QuerySql.Statement sql, int requests, int maxSeconds) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(infra.connect());
            }
            return run(requests, maxSeconds, client -> {
                long rows = 0;
                try (PreparedStatement st = sql.prepare(connections.get(client));
                        ResultSet rs = st.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getString(col);
                        }
                        rows++;
                    }
                }
                return rows;
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private Outcome run(int requests, int maxSeconds, Call call) throws Exception {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Histogram h = Latency.histogram();
            histograms.add(h);
            Thread t = new Thread(
                    () -> {
                        for (int w = 0; w < WARMUP / clients + 1 && System.nanoTime() < deadline; w++) {
                            try {
                                call.call(client);
                            } catch (Exception e) {
                                // counted below
                            }
                        }
                        while (issued.getAndIncrement() < requests
                                && (System.nanoTime() < deadline || h.getTotalCount() == 0)) {
                            long t0 = System.nanoTime();
                            try {
                                rows.set(call.call(client));
                                Latency.record(h, System.nanoTime() - t0);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.getMessage());
                            }
                        }
                    },
                    "query-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = Latency.histogram();
        histograms.forEach(all::add);
        return new Outcome(Latency.of(all), rows.get(), errors.get(), firstError.get());
    }
}
