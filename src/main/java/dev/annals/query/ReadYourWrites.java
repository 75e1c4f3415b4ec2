package dev.annals.query;

import dev.annals.config.AnnalsConfig;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.event.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Waits, up to {@code annals.query.wait-timeout}, until the read model reflects a position returned by an append
 * ({@code <timelineId>:<version>}): every event of that timeline up to that version is projected.
 */
@ApplicationScoped
public class ReadYourWrites {
    private static final long POLL_MILLIS = 20;

    private final EventQuery query;
    private final AnnalsConfig config;

    public ReadYourWrites(EventQuery query, AnnalsConfig config) {
        this.query = query;
        this.config = config;
    }

    public void await(String position) {
        if (position == null || position.isBlank()) {
            return;
        }
        int colon = position.lastIndexOf(':');
        String timelineId = colon > 0 ? position.substring(0, colon) : "";
        long version;
        try {
            version = Long.parseLong(position.substring(colon + 1));
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (!Slugs.isValid(timelineId) || version < 0) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "Invalid waitFor position",
                    List.of(new FieldError(
                            "waitFor", "position", "must be a position returned by an append, e.g. my-timeline:14")));
        }
        long deadline = System.nanoTime() + config.query().waitTimeout().toNanos();
        while (version > 0 && !query.reached(timelineId, version)) {
            if (System.nanoTime() > deadline) {
                throw ProblemType.PROJECTION_LAGGING.exception("The read model has not applied " + position + " within "
                        + config.query().waitTimeout().toMillis() + " ms; retry shortly");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemType.PROJECTION_LAGGING.exception("Interrupted while waiting for " + position);
            }
        }
    }
}
