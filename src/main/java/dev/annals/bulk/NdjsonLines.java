package dev.annals.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an NDJSON body line by line (LF or CRLF), never holding more than {@code maxLineBytes} of one line: a
 * longer line is skipped to its end and reported as too long, so memory stays bounded whatever a client sends.
 */
final class NdjsonLines {
    /** One line: its number (from 1), its bytes (null when it was too long), how long it was. */
    record Line(long number, byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }

        boolean blank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long number;
    private boolean ended;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
        byte[] line = new byte[256];
        int size = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    ended = true;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            length++;
            if (line != null) {
                if (length > maxLineBytes) {
                    line = null;
                } else {
                    if (size == line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                    }
                    line[size++] = b;
                }
            }
        }
        number++;
        if (line != null && size > 0 && line[size - 1] == '\r') {
            size--;
        }
        return new Line(number, line == null ? null : Arrays.copyOf(line, size), length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
