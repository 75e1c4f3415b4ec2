package dev.annals.correction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.event.Source;
import dev.annals.event.TimelineEvent;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of an event's history: its recording, a correction or its retraction, with the version it left. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "revision",
    "kind",
    "position",
    "recordedAt",
    "recordedBy",
    "changeId",
    "changes",
    "reason",
    "source",
    "event"
})
@Schema(name = "HistoryEntry", description = "One step of an event's history.")
public record HistoryEntry(
        @Schema(description = "0 for the event as recorded, then one more for each correction.", required = true)
        int revision,

        @Schema(
                description = "recorded, corrected or retracted.",
                enumeration = {"recorded", "corrected", "retracted"},
                required = true)
        String kind,

        @Schema(
                description = "The timeline position of the event or change (timeline:N); usable as asOf.",
                required = true)
        String position,

        @Schema(description = "When this step was recorded.", required = true)
        OffsetDateTime recordedAt,

        @Schema(description = "Who recorded it (the writer's token subject), when known.")
        String recordedBy,

        @Schema(description = "Id of the event-corrected or event-retracted event.")
        UUID changeId,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                additionalProperties = Schema.True.class,
                description = "For a correction: the JSON Merge Patch it applied.")
        JsonNode changes,

        @Schema(description = "For a correction or retraction: why.")
        String reason,

        @Schema(description = "For a correction or retraction: where it comes from.")
        Source source,

        @Schema(description = "The event as this step left it (data upcast to the latest version).", required = true)
        TimelineEvent event) {}
