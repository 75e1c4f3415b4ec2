package dev.annals.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The response side of an HTTP/1.1 exchange on a bare socket: status, headers, and the body de-chunked. */
final class HttpStream extends InputStream {
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final boolean chunked;
    private long left;
    private boolean done;

    HttpStream(InputStream in) throws IOException {
        this.in = in;
        String statusLine = line(in);
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        left = chunked ? 0 : Long.parseLong(headers.getOrDefault("content-length", "-1"));
        done = !chunked && left == 0;
    }

    int status() {
        return status;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        if (chunked && left == 0) {
            left = Long.parseLong(line(in).split(";")[0].trim(), 16);
            if (left == 0) {
                done = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left < 0 ? length : left));
        if (n < 0) {
            done = true;
            return -1;
        }
        if (left > 0) {
            left -= n;
            if (left == 0) {
                if (chunked) {
                    line(in); // the CRLF after a chunk
                } else {
                    done = true;
                }
            }
        }
        return n;
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
}
