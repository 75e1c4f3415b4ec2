package dev.annals.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an NDJSON import: what became of its lines. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The summary of an NDJSON import.")
public record ImportResult(
        @Schema(required = true) String timelineId,

        @Schema(description = "Lines read, blank ones included.", required = true)
        long lines,

        @Schema(description = "Events appended by this request.", required = true)
        long appended,

        @Schema(description = "Events already in the journal with the same id and content: skipped.", required = true)
        long alreadyPresent,

        @Schema(description = "Lines rejected (skipped); the first of them are listed in errors.", required = true)
        long rejected,

        @Schema(description = "The broken rules of the first rejected lines, in line order.", required = true)
        List<ImportError> errors,

        @Schema(description = "True when more rejected lines broke rules than errors lists.")
        Boolean errorsTruncated,

        @Schema(description = "The timeline's version after the import; absent when it has no events.")
        Long version,

        @Schema(
                description = "Read-your-writes token of the timeline's version (pass it as waitFor).",
                examples = "anthropic-dod-standoff:14")
        String position) {

    /** One broken rule of one line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportError")
    public record ImportError(
            @Schema(description = "Line number, from 1.", required = true)
            long line,

            @Schema(description = "JSON Pointer into the line's event; \"\" is the whole line.", required = true)
            String pointer,

            @Schema(description = "The rule that failed, as in an append's errors.", required = true)
            String rule,

            @Schema(description = "Human-readable explanation.", required = true)
            String detail) {}
}
