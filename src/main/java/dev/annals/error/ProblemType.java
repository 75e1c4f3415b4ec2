package dev.annals.error;

import java.net.URI;
import java.util.List;

/** The catalogue of problem types Annals answers with; each has a stable URI and title. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request does not match the API contract"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Resource not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    VERSION_CONFLICT(412, "version-conflict", "The timeline is not at the expected version"),
    IDEMPOTENCY_CONFLICT(409, "idempotency-conflict", "An event id is already used for other content"),
    IDEMPOTENCY_KEY_CONFLICT(409, "idempotency-key-conflict", "The Idempotency-Key was used for another request"),
    BATCH_TOO_LARGE(413, "batch-too-large", "Too many events in one append"),
    EVENT_TOO_LARGE(413, "event-too-large", "An event is too large"),
    BODY_TOO_LARGE(413, "body-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    INVALID_EVENT(422, "invalid-event", "An event is not valid for its type"),
    INVALID_EVENT_TYPE(422, "invalid-event-type", "The event-type definition is not valid"),
    INCOMPATIBLE_SCHEMA(409, "incompatible-schema", "The new version is not backward compatible with the previous one"),
    EVENT_TYPE_DEPRECATED(409, "event-type-deprecated", "The event type is deprecated"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "A backing service is unavailable"),
    STATEMENT_TIMEOUT(503, "statement-timeout", "The database statement took too long and was cancelled"),
    PROJECTION_LAGGING(503, "projection-lagging", "The read model has not caught up with the position yet"),
    INTERNAL(500, "internal-error", "Internal error");

    private static final String BASE = "https://annals.dev/problems/";

    private final int status;
    private final URI uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public Problem problem(String detail) {
        return new Problem(uri, title, status, detail, null, null, null, null);
    }

    public Problem problem(String detail, List<FieldError> errors) {
        return new Problem(uri, title, status, detail, null, List.copyOf(errors), null, null);
    }

    public Problem conflict(String detail, long currentVersion) {
        return new Problem(uri, title, status, detail, null, null, currentVersion, null);
    }

    public ProblemException exception(String detail) {
        return new ProblemException(problem(detail));
    }

    public ProblemException exception(String detail, List<FieldError> errors) {
        return new ProblemException(problem(detail, errors));
    }
}
