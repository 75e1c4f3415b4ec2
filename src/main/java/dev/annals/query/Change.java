package dev.annals.query;

import dev.annals.event.TimelineEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a timeline's change feed: an event as the current view now has it, at its latest change. */
@Schema(name = "Change", description = "An event that is new, corrected or retracted since the position asked for.")
public record Change(
        @Schema(
                description = "appended: new since then; corrected: corrected since then (and maybe new too); "
                        + "retracted: retracted since then (remove it).",
                enumeration = {"appended", "corrected", "retracted"},
                required = true)
        String kind,

        @Schema(description = "The timeline position of the event's latest change (timeline:N).", required = true)
        String position,

        @Schema(description = "The event in the current view (retracted events marked).", required = true)
        TimelineEvent event) {}
