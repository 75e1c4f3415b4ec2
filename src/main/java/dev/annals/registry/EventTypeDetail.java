package dev.annals.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered type with its latest schema and every version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EventType", description = "A registered event type: its latest version in full and every version.")
public record EventTypeDetail(
        @Schema(required = true, examples = "terms-refused") String type,
        @Schema(required = true) String title,
        @Schema(required = true) String description,
        @Schema(required = true) int latestVersion,
        @Schema(required = true) boolean deprecated,
        OffsetDateTime deprecatedAt,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                additionalProperties = Schema.True.class,
                description = "JSON Schema 2020-12 of the data, at the latest version.",
                required = true)
        JsonNode schema,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Object.class,
                description = "Example data objects of the latest version.",
                required = true)
        JsonNode examples,

        @Schema(description = "Every version, oldest first.", required = true)
        List<VersionInfo> versions) {

    /** One version of the type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EventTypeVersionInfo", description = "One version of an event type.")
    public record VersionInfo(
            @Schema(required = true, minimum = "1") int version,

            @Schema(description = "Path of this version's JSON Schema.", required = true)
            String schema,

            @Schema(required = true) OffsetDateTime createdAt,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Object.class,
                    description = "JSON Patch operations from the previous version's data to this one's.")
            JsonNode upcast) {}

    static EventTypeDetail of(TypeHead head, List<RegisteredVersion> versions) {
        RegisteredVersion latest = versions.get(versions.size() - 1);
        return new EventTypeDetail(
                head.type(),
                head.title(),
                head.description(),
                head.latestVersion(),
                head.deprecated(),
                head.deprecatedAt(),
                head.createdAt(),
                head.updatedAt(),
                latest.schema(),
                latest.examples(),
                versions.stream()
                        .map(v -> new VersionInfo(
                                v.version(),
                                VersionPaths.of(v.type(), v.version()),
                                v.createdAt(),
                                v.upcast().isEmpty() ? null : v.upcast().operations()))
                        .toList());
    }
}
