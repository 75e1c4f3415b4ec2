package dev.annals.append;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.annals.event.Actor;
import dev.annals.event.Precision;
import dev.annals.event.Source;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event in an append request, as a client sends it. */
@Schema(
        description = "An event to append. Validated against openapi/schemas/event.schema.json and, for data, "
                + "against the schema of its type.")
public record NewEvent(
        @Schema(description = "Client-chosen id (UUID), the idempotency key. Generated when absent.")
        UUID id,

        @Schema(description = "Event type from the registry.", examples = "terms-refused", required = true)
        String type,

        @Schema(
                description = "Version of the type's schema to validate the data against; default: the latest.",
                minimum = "1")
        Integer typeVersion,

        @Schema(
                description = "When it happened in the world, ISO-8601 with offset.",
                examples = "2026-02-26T18:00:00-05:00",
                required = true)
        OffsetDateTime occurredAt,

        @Schema(description = "How precisely occurredAt is known; defaults to second.")
        Precision occurredAtPrecision,

        @Schema(description = "Headline.", minLength = 1, maxLength = 200, required = true)
        String title,

        @Schema(description = "Longer description.", maxLength = 5000)
        String summary,

        @Schema(maxItems = 100) List<Actor> actors,
        @Schema(maxItems = 100) List<Source> sources,
        @Schema(maxItems = 50) List<String> tags,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                additionalProperties = Schema.True.class,
                description = "Type-specific object; see GET /v1/event-types/{type}.")
        JsonNode data) {

    /** This event to be validated against {@code version} of its type. */
    public NewEvent withTypeVersion(int version) {
        return new NewEvent(
                id, type, version, occurredAt, occurredAtPrecision, title, summary, actors, sources, tags, data);
    }

    /** This event with other data. */
    public NewEvent withData(JsonNode other) {
        return new NewEvent(
                id, type, typeVersion, occurredAt, occurredAtPrecision, title, summary, actors, sources, tags, other);
    }

    /** This event with its defaults filled in: a fresh id, precision second, empty lists and data. */
    public NewEvent withDefaults() {
        return new NewEvent(
                id != null ? id : UUID.randomUUID(),
                type,
                typeVersion,
                occurredAt,
                occurredAtPrecision != null ? occurredAtPrecision : Precision.SECOND,
                title,
                summary,
                actors != null ? actors : List.of(),
                sources != null ? sources : List.of(),
                tags != null ? tags : List.of(),
                data != null ? data : JsonNodeFactory.instance.objectNode());
    }
}
