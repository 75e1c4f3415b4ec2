package dev.annals.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "currentVersion", "requestId"})
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
        Long currentVersion,

        @Schema(
                description = "The request's id: the caller's X-Request-Id when it was valid, else one generated; "
                        + "also in the X-Request-Id response header and the logs.",
                examples = "3f2b8c1e-7a44-4f1c-9a57-2d2c8e3b9f10")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** This problem as answered to one request: its path and its request id. */
    public Problem forRequest(String path, String id) {
        return new Problem(type, title, status, detail, path, errors, currentVersion, id);
    }
}
