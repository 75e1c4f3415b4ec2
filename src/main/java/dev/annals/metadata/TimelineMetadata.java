package dev.annals.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a writer says a timeline is: its title, description and tags. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TimelineMetadata", description = "What a writer says a timeline is.")
public record TimelineMetadata(
        @Schema(required = true, example = "anthropic-dod-standoff")
        String timelineId,

        @Schema(required = true, maxLength = 200, example = "Anthropic and the Pentagon's terms")
        String title,

        @Schema(maxLength = 2000) String description,
        @Schema(required = true, maxItems = 50) List<String> tags,
        @Schema(required = true) OffsetDateTime updatedAt,

        @Schema(description = "The writer's token sub; absent when anonymous.")
        String updatedBy) {}
