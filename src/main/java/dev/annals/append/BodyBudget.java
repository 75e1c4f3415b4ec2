package dev.annals.append;

import dev.annals.config.AnnalsConfig;
import dev.annals.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the memory of append bodies at once, all requests together: a body takes from the budget its bytes as they
 * are read and {@value #BYTES_PER_TOKEN} bytes per JSON token as its trees are built (a tree of many tiny nodes
 * costs far more than its text), and gives them back when its request is answered (the trees live that long). A
 * body that finds the budget spent is answered 503 with Retry-After at once (the server is busy, not the client
 * wrong); one that alone needs more than the whole budget is 413 (it could never be taken).
 */
@ApplicationScoped
public class BodyBudget {
    private static final long MIN_BYTES = 16L * 1024 * 1024;
    /** Heap of one parsed token as a tree node (node object, map entry or array slot, boxed value), measured ~60-90. */
    static final int BYTES_PER_TOKEN = 80;

    private final long total;
    private final AtomicLong available;

    @Inject
    public BodyBudget(AnnalsConfig config) {
        this(config.append()
                .bodyBudget()
                .map(size -> size.asLongValue())
                .orElse(Math.max(MIN_BYTES, Runtime.getRuntime().maxMemory() / 4)));
    }

    BodyBudget(long total) {
        this.total = total;
        this.available = new AtomicLong(total);
    }

    /** The budget's size in bytes. */
    public long total() {
        return total;
    }

    /** Bytes not taken by any body. */
    public long available() {
        return available.get();
    }

    /** A lease for one body; close it when the request is answered. */
    Lease lease() {
        return new Lease();
    }

    private boolean take(long bytes) {
        long left;
        do {
            left = available.get();
            if (left < bytes) {
                return false;
            }
        } while (!available.compareAndSet(left, left - bytes));
        return true;
    }

    /** The bytes one body has taken. */
    final class Lease implements AutoCloseable {
        private long taken;

        /** The body, taking from the budget what is read. */
        InputStream wrap(InputStream body) {
            return new FilterInputStream(body) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        charge(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        charge(n);
                    }
                    return n;
                }
            };
        }

        /** Charges the trees being built: {@code tokens} more tokens read. */
        void chargeTokens(int tokens) {
            charge((long) tokens * BYTES_PER_TOKEN);
        }

        private void charge(long bytes) {
            if (taken + bytes > total) {
                throw ProblemType.BATCH_TOO_LARGE.exception("The body needs more than this server's whole budget for"
                        + " append bodies (" + total + " bytes, counting its parsed JSON); nothing was stored. Send"
                        + " fewer events per append.");
            }
            if (!take(bytes)) {
                throw ProblemType.SERVICE_UNAVAILABLE.exception("Too many large appends are being handled at once ("
                        + total + " bytes of bodies); nothing was stored. Retry later.");
            }
            taken += bytes;
        }

        @Override
        public synchronized void close() {
            available.addAndGet(taken);
            taken = 0;
        }
    }
}
