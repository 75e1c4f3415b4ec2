package dev.annals.relay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a republish queued: events and the outbox rows that carry them. */
@Schema(description = "What was queued for the relay to publish again.")
public record RepublishResult(
        @Schema(description = "Events queued for publishing again.", required = true)
        long events,

        @Schema(description = "Outbox rows they were queued in (each within one relay round).", required = true)
        long outboxRows) {}
