package dev.annals.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An actor with the number of matching events naming it. */
@Schema(description = "An actor and how many matching events name it.")
public record ActorSummary(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) long eventCount) {}
