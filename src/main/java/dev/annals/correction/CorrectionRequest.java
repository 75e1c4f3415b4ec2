package dev.annals.correction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.event.Source;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/events/{eventId}/corrections} (documentation; the body is read as JSON). */
@Schema(name = "CorrectionRequest", description = "A correction of an event.")
public record CorrectionRequest(
        @Schema(description = "Id of the correction event (the idempotency key); generated when absent.")
        UUID id,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                additionalProperties = Schema.True.class,
                description = "JSON Merge Patch (RFC 7386) of title, summary, occurredAt, occurredAtPrecision, "
                        + "actors, sources, tags and data (data as written, see writtenTypeVersion).",
                required = true)
        JsonNode changes,

        @Schema(description = "Why.", minLength = 1, maxLength = 1000, required = true)
        String reason,

        @Schema(description = "Where the correction comes from.")
        Source source) {}
