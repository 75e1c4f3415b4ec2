package dev.annals.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /v1/event-types/{type}}: what a type is and the JSON Schema of its data. */
@Schema(
        name = "EventTypeDefinition",
        description = "An event type: its names and the JSON Schema (2020-12) its events' data must satisfy.")
public record EventTypeDefinition(
        @Schema(description = "Human-readable name.", minLength = 1, maxLength = 200, required = true)
        String title,

        @Schema(description = "What an event of this type records.", maxLength = 2000, required = true)
        String description,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                additionalProperties = Schema.True.class,
                description = "JSON Schema 2020-12 of the data object; only local references (\"#...\").",
                required = true)
        JsonNode schema,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Object.class,
                maxItems = 20,
                description = "Example data objects; each must satisfy the schema.")
        JsonNode examples,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Object.class,
                maxItems = 100,
                description = "RFC 6902 JSON Patch operations turning data of the previous version into data of "
                        + "this one (see docs/schema-evolution.md); needed for a change that is not backward "
                        + "compatible.")
        JsonNode upcast) {}
