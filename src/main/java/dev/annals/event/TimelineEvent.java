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
    "recordedBy",
    "title",
    "summary",
    "actors",
    "sources",
    "tags",
    "data",
    "corrected",
    "correctedAt",
    "revisions",
    "retracted",
    "retractedAt",
    "retractionReason"
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
        JsonNode data,

        @Schema(
                description = "Who recorded the event: the subject (sub claim) of the writer's token; absent when "
                        + "the writer was anonymous or the event is older than this field.")
        String recordedBy,

        @Schema(description = "Only in query answers: true when corrections were applied (see /history).")
        Boolean corrected,

        @Schema(description = "Only in query answers of a corrected event: when its latest correction was recorded.")
        OffsetDateTime correctedAt,

        @Schema(
                description = "Only in query answers of a corrected event: how many corrections were applied.",
                minimum = "1")
        Integer revisions,

        @Schema(description = "Only in answers with include=retracted: true for a retracted event.")
        Boolean retracted,

        @Schema(description = "Only for a retracted event: when the retraction was recorded.")
        OffsetDateTime retractedAt,

        @Schema(description = "Only for a retracted event: why it was retracted.")
        String retractionReason) {

    /** An event as appended: no correction or retraction marks. */
    public TimelineEvent(
            UUID id,
            String timelineId,
            long sequence,
            String type,
            Integer typeVersion,
            Integer writtenTypeVersion,
            OffsetDateTime occurredAt,
            Precision occurredAtPrecision,
            OffsetDateTime recordedAt,
            String title,
            String summary,
            List<Actor> actors,
            List<Source> sources,
            List<String> tags,
            JsonNode data,
            String recordedBy) {
        this(
                id,
                timelineId,
                sequence,
                type,
                typeVersion,
                writtenTypeVersion,
                occurredAt,
                occurredAtPrecision,
                recordedAt,
                title,
                summary,
                actors,
                sources,
                tags,
                data,
                recordedBy,
                null,
                null,
                null,
                null,
                null,
                null);
    }

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
                versionData,
                recordedBy,
                corrected,
                correctedAt,
                revisions,
                retracted,
                retractedAt,
                retractionReason);
    }

    /** This event at another position of its timeline. */
    public TimelineEvent atSequence(long position) {
        return new TimelineEvent(
                id,
                timelineId,
                position,
                type,
                typeVersion,
                writtenTypeVersion,
                occurredAt,
                occurredAtPrecision,
                recordedAt,
                title,
                summary,
                actors,
                sources,
                tags,
                data,
                recordedBy,
                corrected,
                correctedAt,
                revisions,
                retracted,
                retractedAt,
                retractionReason);
    }

    /** This event as the current view answers it: with its corrections counted and its retraction, if any. */
    public TimelineEvent withMarks(
            int revisionCount, OffsetDateTime lastCorrection, OffsetDateTime retraction, String reason) {
        return new TimelineEvent(
                id,
                timelineId,
                sequence,
                type,
                typeVersion,
                writtenTypeVersion,
                occurredAt,
                occurredAtPrecision,
                recordedAt,
                title,
                summary,
                actors,
                sources,
                tags,
                data,
                recordedBy,
                revisionCount > 0 ? Boolean.TRUE : null,
                revisionCount > 0 ? lastCorrection : null,
                revisionCount > 0 ? revisionCount : null,
                retraction != null ? Boolean.TRUE : null,
                retraction,
                retraction != null ? reason : null);
    }
}
