package dev.annals.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as recorded in a timeline: immutable, sequenced, the value of every record on the topic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "timelineId",
    "sequence",
    "type",
    "occurredAt",
    "occurredAtPrecision",
    "recordedAt",
    "title",
    "summary",
    "actors",
    "sources",
    "tags",
    "data"
})
@Schema(name = "Event", description = "An event recorded in a timeline.")
public record TimelineEvent(
        @Schema(description = "Event id; the idempotency key.", required = true)
        UUID id,

        @Schema(description = "Timeline the event belongs to.", pattern = Slugs.PATTERN, required = true)
        String timelineId,

        @Schema(description = "Position in the timeline: 1, 2, 3 ...", minimum = "1", required = true)
        long sequence,

        @Schema(
                description = "Event type from the catalogue (GET /v1/event-types).",
                examples = "terms-refused",
                required = true)
        String type,

        @Schema(description = "When it happened in the world (ISO-8601 with offset).", required = true)
        OffsetDateTime occurredAt,

        @Schema(description = "How precisely occurredAt is known.", required = true)
        Precision occurredAtPrecision,

        @Schema(description = "When Annals recorded the event (UTC).", required = true)
        OffsetDateTime recordedAt,

        @Schema(description = "Headline.", maxLength = 200, required = true)
        String title,

        @Schema(description = "Longer description.", maxLength = 5000)
        String summary,

        @Schema(required = true) List<Actor> actors,
        @Schema(required = true) List<Source> sources,
        @Schema(required = true) List<String> tags,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                additionalProperties = Schema.True.class,
                description = "Type-specific object, valid against the type's JSON Schema.",
                required = true)
        JsonNode data) {

    public TimelineEvent {
        actors = List.copyOf(actors);
        sources = List.copyOf(sources);
        tags = List.copyOf(tags);
    }
}
