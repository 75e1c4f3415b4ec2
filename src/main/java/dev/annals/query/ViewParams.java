package dev.annals.query;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code asOf}, {@code include} and {@code waitFor} parameters of endpoints that take no filter. */
public class ViewParams {
    @QueryParam("asOf")
    @Parameter(
            description = "What was known then: an instant or a position timeline:N (see GET /v1/events).",
            example = "2026-02-27T12:00:00Z")
    public String asOf;

    @QueryParam("waitFor")
    @Parameter(description = "Position from an append to wait for, as on every query.")
    public String waitFor;

    @QueryParam("include")
    @Parameter(
            description = "retracted: also answer retracted events, marked.",
            schema = @Schema(enumeration = {"retracted"}))
    public String include;

    EventFilter toFilter(ReadYourWrites readYourWrites, EventQuery query) {
        readYourWrites.await(waitFor);
        return EventFilter.of(
                List.of(),
                false,
                AsOfParam.resolve(asOf, readYourWrites, query),
                QueryParsing.includeRetracted(include));
    }
}
