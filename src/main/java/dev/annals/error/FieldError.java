package dev.annals.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One broken rule: which field, which rule, and a human message. */
@Schema(description = "One broken rule of the request.")
public record FieldError(
        @Schema(
                description = "JSON Pointer into the request body (e.g. /0/title), or a parameter or header name.",
                examples = "/0/occurredAt",
                required = true)
        String field,

        @Schema(
                description = "The rule that failed (JSON Schema keyword or Annals rule name).",
                examples = "format",
                required = true)
        String rule,

        @Schema(description = "Human-readable explanation.", required = true)
        String message) {}
