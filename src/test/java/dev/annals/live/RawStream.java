package dev.annals.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A live-feed client with a tiny receive buffer that reads nothing until told: the slowest client there is.
 * {@link #readAll} then reads the whole response.
 */
final class RawStream implements AutoCloseable {
    private final Socket socket;

    RawStream(String query) throws IOException {
        socket = SseClient.request(query, null, 4096);
    }

    /** Reads the response to its end (the last chunk) and parses its SSE messages. */
    List<SseMessage> readAll() throws IOException {
        HttpStream response = new HttpStream(socket.getInputStream());
        if (response.status() != 200) {
            throw new AssertionError("status " + response.status());
        }
        LinkedBlockingQueue<SseMessage> messages = new LinkedBlockingQueue<>();
        SseClient.parse(new BufferedReader(new InputStreamReader(response, StandardCharsets.UTF_8)), messages);
        return new ArrayList<>(messages);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
