package dev.annals.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "currentVersion"})
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public record Problem(
        @Schema(description = "URI identifying the problem type.", required = true)
        URI type,

        @Schema(description = "Short summary of the problem type.", required = true)
        String title,

        @Schema(description = "HTTP status code.", required = true)
        int status,

        @Schema(description = "Explanation of this occurrence.")
        String detail,

        @Schema(description = "Request path of this occurrence.")
        String instance,

        @Schema(description = "Every broken rule, for validation problems.")
        List<FieldError> errors,

        @Schema(description = "The timeline's current version, for version conflicts.")
        Long currentVersion) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, currentVersion);
    }
}
