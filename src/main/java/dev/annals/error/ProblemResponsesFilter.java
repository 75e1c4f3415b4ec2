package dev.annals.error;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json answers every operation can give without repeating them on each method: 500 for an
 * unexpected failure, 503 when PostgreSQL is unreachable or a statement timed out, and 414 for an overlong query.
 */
public class ProblemResponsesFilter implements OASFilter {
    /** Sorted, so that the generated document is the same on every run. */
    private static final Map<String, String> COMMON = new TreeMap<>(Map.of(
            "414",
            "The query string is longer than annals.http.max-query-length (problem+json, rule maxQueryLength).",
            "500",
            "Unexpected failure (problem+json, no details leaked).",
            "503",
            "A backing service is unreachable, or a statement hit its timeout; retry after Retry-After seconds"
                    + " (problem+json)."));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        COMMON.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        return operation;
    }

    /** A response documented as a problem+json {@code Problem}; for other OpenAPI filters too. */
    public static APIResponse problem(String description) {
        MediaType media =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
