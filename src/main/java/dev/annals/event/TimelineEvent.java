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
    "typeVersion",
    "writtenTypeVersion",
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
                description = "Event type from the registry (GET /v1/event-types).",
                examples = "terms-refused",
                required = true)
        String type,

        @Schema(
                description = "Version of the type's schema the data conforms to (GET "
                        + "/v1/event-types/{type}/versions/{typeVersion}). On the topic and in the journal, the "
                        + "version it was validated against when appended; in query answers, the latest version, "
                        + "the data upcast to it when it was written under an earlier one. Absent in events "
                        + "recorded before the registry existed: they are version 1.",
                minimum = "1")
        Integer typeVersion,

        @Schema(
                description = "Only in query answers, only when the data was upcast: the version the event was "
                        + "written under (its data in the journal and on the topic conforms to that one).",
                minimum = "1")
        Integer writtenTypeVersion,

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

    /** The version the data was written under: {@code typeVersion}, 1 for events older than the registry. */
    public int writtenVersion() {
        return writtenTypeVersion != null ? writtenTypeVersion : typeVersion != null ? typeVersion : 1;
    }

    /** This event with its data as of another version of its type, remembering the version it was written under. */
    public TimelineEvent asVersion(JsonNode versionData, int version) {
        int written = writtenVersion();
        return new TimelineEvent(
                id,
                timelineId,
                sequence,
                type,
                version,
                version == written ? null : written,
                occurredAt,
                occurredAtPrecision,
                recordedAt,
                title,
                summary,
                actors,
                sources,
                tags,
                versionData);
    }
}
