package dev.annals.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.annals.event.TimelineEvent;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a timeline's journal in append order, in the list shape (items, Link rel=next) of every list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A page of a timeline's journal, in append (sequence) order.")
public record StreamPage(
        @Schema(required = true) String timelineId,

        @Schema(description = "The timeline's version when the page was read.", required = true)
        long version,

        @Schema(required = true) List<TimelineEvent> items,

        @Schema(
                description = "fromSequence of the next page (the journal pages by sequence, so that a reader can "
                        + "resume from the last sequence it saw); absent on the last page.")
        Long nextSequence) {}
