package dev.annals.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.annals.event.TimelineEvent;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a timeline's journal in append order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A page of a timeline's journal, in append (sequence) order.")
public record StreamPage(
        @Schema(required = true) String timelineId,

        @Schema(description = "The timeline's version when the page was read.", required = true)
        long version,

        @Schema(required = true) List<TimelineEvent> events,

        @Schema(description = "fromSequence of the next page; absent on the last page.")
        Long nextSequence) {}
