package dev.annals.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an event is reported, and how reliably. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Where an event is reported, and how reliably.")
public record Source(
        @Schema(description = "Publisher name.", maxLength = 200, examples = "The Verge", required = true)
        String publisher,

        @Schema(
                description = "Link to the report (http or https).",
                format = "uri",
                pattern = "^[Hh][Tt][Tt][Pp][Ss]?://",
                maxLength = 2000,
                examples = "https://www.theverge.com/ai-artificial-intelligence")
        String url,

        @Schema(description = "How well the source backs the event.", required = true)
        Reliability reliability) {}
