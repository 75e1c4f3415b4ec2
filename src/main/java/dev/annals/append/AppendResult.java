package dev.annals.append;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a successful append. */
@Schema(description = "The answer to a successful append.")
public record AppendResult(
        @Schema(required = true) String timelineId,

        @Schema(
                description = "The timeline's version after the append: the sequence of its last event.",
                required = true)
        long version,

        @Schema(
                description = "Opaque read-your-writes token: pass it to queries to wait until they reflect this "
                        + "append.",
                examples = "anthropic-dod-standoff:14",
                required = true)
        String position,

        @Schema(required = true) List<Appended> events) {

    /** One appended event: its id, sequence and recording time. */
    @Schema(name = "AppendedEvent")
    public record Appended(
            @Schema(required = true) UUID id,
            @Schema(required = true) long sequence,
            @Schema(required = true) OffsetDateTime recordedAt) {}

    public static String position(String timelineId, long version) {
        return timelineId + ":" + version;
    }
}
