package dev.annals.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person or organisation taking part in an event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A person or organisation taking part in an event.")
public record Actor(
        @Schema(
                description = "Slug identifying the actor across timelines.",
                pattern = Slugs.PATTERN,
                maxLength = 128,
                examples = "anthropic",
                required = true)
        String id,

        @Schema(description = "Display name.", maxLength = 200, examples = "Anthropic", required = true)
        String name,

        @Schema(description = "Role of the actor in this event.", maxLength = 100, examples = "recipient")
        String role) {}
