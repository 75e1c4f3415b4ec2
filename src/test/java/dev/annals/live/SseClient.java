package dev.annals.live;

import dev.annals.testing.TestTokens;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real HTTP client of the live feed for tests: reads the stream on its own thread into a queue of messages. */
final class SseClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SseMessage END = new SseMessage(null, null, null, null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseMessage> messages = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens {@code /v1/events/live?query} (query may be empty), sending Last-Event-ID when given. */
    static SseClient open(String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/v1/events/live" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + TestTokens.all())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the stream and waits for its first comment (the hub has it then). */
    static SseClient connected(String query, String lastEventId) {
        SseClient client = open(query, lastEventId);
        if (client.status() != 200) {
            throw new AssertionError("live feed answered " + client.status() + ": " + client.body());
        }
        SseMessage first = client.next(Duration.ofSeconds(10));
        if (first == null || first.comment() == null) {
            throw new AssertionError("no opening comment: " + first);
        }
        return client;
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    String body() {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message, or null when none came within {@code timeout} or the stream ended. */
    SseMessage next(Duration timeout) {
        try {
            SseMessage message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == END) {
                messages.add(END);
                return null;
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The events (not comments) received until {@code until} holds for the list, or {@code timeout} passed. */
    List<SseMessage> events(Duration timeout, Predicate<List<SseMessage>> until) {
        List<SseMessage> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!until.test(events)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            SseMessage message = next(Duration.ofNanos(left));
            if (message == null) {
                break;
            }
            if (message.isEvent()) {
                events.add(message);
            }
        }
        return events;
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing is all that matters
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            parse(lines, messages);
        } catch (IOException e) {
            // closed by the test or the server
        } finally {
            ended = true;
            messages.add(END);
        }
    }

    /** Parses SSE lines into messages until the stream ends. */
    static void parse(BufferedReader lines, BlockingQueue<SseMessage> into) throws IOException {
        String id = null;
        String event = null;
        StringBuilder data = null;
        String comment = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null || comment != null || id != null) {
                    into.add(new SseMessage(id, event, data == null ? null : data.toString(), comment));
                }
                id = null;
                event = null;
                data = null;
                comment = null;
            } else if (line.startsWith(":")) {
                comment = line.substring(1).strip();
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" ->
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    default -> {}
                }
            }
        }
    }
}
