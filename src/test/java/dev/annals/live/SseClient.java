package dev.annals.live;

import dev.annals.testing.TestTokens;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP/1.1 client of the live feed for tests, on its own socket (closing it closes the connection, which
 * a pooled client may not): reads the stream on its own thread into a queue of messages.
 */
final class SseClient implements AutoCloseable {
    private static final SseMessage END = new SseMessage(null, null, null, null);

    private final Socket socket;
    private final HttpStream response;
    private final BlockingQueue<SseMessage> messages = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private SseClient(Socket socket) throws IOException {
        this.socket = socket;
        this.response = new HttpStream(socket.getInputStream());
        if (response.status() == 200) {
            Thread reader = new Thread(this::read, "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens {@code /v1/events/live?query} (query may be empty), sending Last-Event-ID when given. */
    static SseClient open(String query, String lastEventId) {
        try {
            return new SseClient(request(query, lastEventId, 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request on a new socket ({@code receiveBuffer} bytes when positive) and answers the socket. */
    static Socket request(String query, String lastEventId, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("localhost", RestAssured.port));
        socket.setSoTimeout(120_000);
        String request = "GET /v1/events/live" + (query.isEmpty() ? "" : "?" + query) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.all() + "\r\n"
                + "Accept: text/event-stream\r\n"
                + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
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
        return response.status();
    }

    String header(String name) {
        return response.header(name);
    }

    String body() {
        try {
            return new String(response.readAllBytes(), StandardCharsets.UTF_8);
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
            socket.close();
        } catch (IOException ignored) {
            // closing is all that matters
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response, StandardCharsets.UTF_8))) {
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
