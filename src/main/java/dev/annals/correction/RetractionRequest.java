package dev.annals.correction;

import dev.annals.event.Source;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/events/{eventId}/retractions} (documentation; the body is read as JSON). */
@Schema(name = "RetractionRequest", description = "A retraction of an event.")
public record RetractionRequest(
        @Schema(description = "Id of the retraction event (the idempotency key); generated when absent.")
        UUID id,

        @Schema(description = "Why.", minLength = 1, maxLength = 1000, required = true)
        String reason,

        @Schema(description = "Where the retraction comes from.")
        Source source) {}
