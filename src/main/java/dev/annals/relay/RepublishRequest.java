package dev.annals.relay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which part of the journal to publish again; every field optional (none: the whole journal). */
@Schema(description = "Which part of the journal to publish again. Without timelineId: every timeline, whole.")
public record RepublishRequest(
        @Schema(
                description = "The timeline to republish; omit for every timeline.",
                examples = "anthropic-dod-standoff")
        String timelineId,

        @Schema(description = "First sequence to republish (with timelineId); default 1.", minimum = "1")
        Long fromSequence,

        @Schema(
                description = "Last sequence to republish (with timelineId); default the timeline's version.",
                minimum = "1")
        Long toSequence) {}
