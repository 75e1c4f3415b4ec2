package dev.annals.correction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.error.FieldError;
import dev.annals.error.Problem;
import dev.annals.error.ProblemException;
import dev.annals.error.ProblemType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Turns the body of {@code POST /v1/events/{eventId}/corrections|retractions} into the change event an append
 * takes, and the problems of that append back into pointers into the body.
 */
final class ChangeRequests {
    private static final int TITLE = 200;

    private ChangeRequests() {}

    /** The change as a one-event append body, occurring now, precision second, titled by its reason. */
    static ArrayNode event(ChangeKind kind, UUID eventId, JsonNode body) {
        return event(kind, eventId, body, null, null);
    }

    /**
     * The change as a one-event append body: with {@code id} when the body names none (derived from the
     * Idempotency-Key), occurring at {@code occurredAt} (the stored change's, for a retry; null: now).
     */
    static ArrayNode event(ChangeKind kind, UUID eventId, JsonNode body, UUID id, String occurredAt) {
        if (body == null || !body.isObject()) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "The body must be a JSON object", List.of(new FieldError("", "type", "expected a JSON object")));
        }
        List<String> fields =
                kind == ChangeKind.CORRECTED ? List.of("changes", "reason", "source") : List.of("reason", "source");
        List<FieldError> unknown = body.properties().stream()
                .map(member -> member.getKey())
                .filter(name -> !"id".equals(name) && !fields.contains(name))
                .map(name -> FieldError.pointer(
                        "/" + name,
                        "additionalProperties",
                        "unknown member; allowed: id, " + String.join(", ", fields)))
                .toList();
        if (!unknown.isEmpty()) {
            throw ProblemType.INVALID_REQUEST.exception("The body has unknown members; nothing was stored", unknown);
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("eventId", eventId.toString());
        for (String field : fields) {
            if (body.has(field)) {
                data.set(field, body.get(field));
            }
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        if (body.has("id")) {
            event.set("id", body.get("id"));
        } else if (id != null) {
            event.put("id", id.toString());
        }
        event.put("type", kind.type());
        event.put(
                "occurredAt",
                occurredAt != null
                        ? occurredAt
                        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
        event.put("occurredAtPrecision", "second");
        String reason =
                body.path("reason").isTextual() ? body.get("reason").asText().strip() : "";
        String title =
                (kind == ChangeKind.CORRECTED ? "Correction" : "Retraction") + (reason.isEmpty() ? "" : ": " + reason);
        event.put("title", title.length() > TITLE ? title.substring(0, TITLE - 1) + "…" : title);
        if (body.path("source").isObject()) {
            event.putArray("sources").add(body.get("source"));
        }
        event.set("data", data);
        return JsonNodeFactory.instance.arrayNode().add(event);
    }

    /** The id the body names, else one derived from the Idempotency-Key (so a retry names the same), else null. */
    static UUID changeId(ChangeKind kind, UUID eventId, JsonNode body, String timelineId, String idempotencyKey) {
        if (body != null && body.path("id").isTextual()) {
            try {
                return UUID.fromString(body.get("id").asText());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (idempotencyKey == null) {
            return null;
        }
        String name = String.join("\n", timelineId, idempotencyKey, kind.wire(), eventId.toString());
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The problem with its pointers into the append body rewritten as pointers into the change's body. */
    static ProblemException inBody(ProblemException e) {
        Problem p = e.problem();
        if (p.errors() == null) {
            return e;
        }
        List<FieldError> errors =
                p.errors().stream().map(ChangeRequests::inBody).toList();
        return new ProblemException(new Problem(
                p.type(), p.title(), p.status(), p.detail(), p.instance(), errors, p.currentVersion(), null));
    }

    private static FieldError inBody(FieldError error) {
        String pointer = error.pointer();
        if (pointer == null) {
            return error;
        }
        String mapped;
        if (pointer.startsWith("/0/data/eventId")) {
            return FieldError.parameter("eventId", error.rule(), error.detail());
        } else if (pointer.startsWith("/0/data")) {
            mapped = pointer.substring("/0/data".length());
        } else if (pointer.startsWith("/0/sources/0")) {
            mapped = "/source" + pointer.substring("/0/sources/0".length());
        } else if (pointer.startsWith("/0/title")) {
            mapped = "/reason";
        } else if (pointer.startsWith("/0")) {
            mapped = pointer.substring(2);
        } else {
            mapped = pointer;
        }
        return FieldError.pointer(mapped, error.rule(), error.detail());
    }
}
