package dev.annals.append;

import java.util.UUID;
import java.util.regex.Pattern;

/** The caller's request id and W3C trace context, carried from the append to the Kafka record headers. */
public record TraceContext(String requestId, String traceparent) {
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final Pattern REQUEST_ID = Pattern.compile("^[\\x21-\\x7e]{1,200}$");

    /** Keeps a well-formed X-Request-Id (else generates one) and a well-formed traceparent (else none). */
    public static TraceContext of(String requestId, String traceparent) {
        String id = requestId != null && REQUEST_ID.matcher(requestId).matches()
                ? requestId
                : UUID.randomUUID().toString();
        String parent =
                traceparent != null && TRACEPARENT.matcher(traceparent.trim()).matches() ? traceparent.trim() : null;
        return new TraceContext(id, parent);
    }
}
