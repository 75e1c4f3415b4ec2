package dev.annals.live;

import dev.annals.testing.TestTokens;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A live-feed client on a bare socket with a tiny receive buffer that reads nothing until told: the slowest
 * client there is. {@link #readAll} then reads the whole (chunked) response.
 */
final class RawStream implements AutoCloseable {
    private final Socket socket = new Socket();

    RawStream(String query) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", RestAssured.port));
        socket.setSoTimeout(60_000);
        String request = "GET /v1/events/live?" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.all() + "\r\nAccept: text/event-stream\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads the response to its end (the last chunk) and parses its SSE messages. */
    List<SseMessage> readAll() throws IOException {
        InputStream in = socket.getInputStream();
        String status = line(in);
        if (!status.contains(" 200 ")) {
            throw new AssertionError(status);
        }
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            chunked |= header.toLowerCase().startsWith("transfer-encoding:") && header.contains("chunked");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (!chunked) {
            in.transferTo(body);
        } else {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        LinkedBlockingQueue<SseMessage> messages = new LinkedBlockingQueue<>();
        SseClient.parse(new BufferedReader(new StringReader(body.toString(StandardCharsets.UTF_8))), messages);
        return new ArrayList<>(messages);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("stream ended within a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
