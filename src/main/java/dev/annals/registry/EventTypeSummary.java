package dev.annals.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered type as listed: its latest version and where that version's schema is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EventTypeSummary", description = "A registered event type, at its latest version.")
public record EventTypeSummary(
        @Schema(required = true, examples = "terms-refused") String type,
        @Schema(required = true) String title,
        @Schema(required = true) String description,

        @Schema(description = "The latest version: what appends are validated against.", required = true)
        int latestVersion,

        @Schema(description = "Path of the latest version's JSON Schema.", required = true)
        String schema,

        @Schema(description = "Whether new events of the type are refused.", required = true)
        boolean deprecated,

        @Schema(description = "When the type was deprecated.")
        OffsetDateTime deprecatedAt,

        @Schema(required = true) OffsetDateTime updatedAt) {

    static EventTypeSummary of(TypeHead head) {
        return new EventTypeSummary(
                head.type(),
                head.title(),
                head.description(),
                head.latestVersion(),
                VersionPaths.of(head.type(), head.latestVersion()),
                head.deprecated(),
                head.deprecatedAt(),
                head.updatedAt());
    }
}
