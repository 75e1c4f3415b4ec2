package dev.annals.query;

import dev.annals.event.Reliability;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filter parameters shared by the event and actor queries. */
public class FilterParams {
    @QueryParam("timeline")
    @Parameter(description = "Timeline id; repeat to match any of several.")
    public List<String> timeline;

    @QueryParam("type")
    @Parameter(description = "Event type; repeat to match any of several.")
    public List<String> type;

    @QueryParam("actor")
    @Parameter(description = "Actor id; repeat to match events naming any of them.")
    public List<String> actor;

    @QueryParam("tag")
    @Parameter(description = "Tag; repeat to match any of several.")
    public List<String> tag;

    @QueryParam("source")
    @Parameter(description = "Source publisher (case-insensitive); repeat to match any of several.")
    public List<String> source;

    @QueryParam("reliability")
    @Parameter(
            description = "Only events with at least one source of this reliability; repeat to match any of several.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Reliability.class))
    public List<String> reliability;

    @QueryParam("from")
    @Parameter(
            description = "Only events that may have occurred at or after this instant (ISO-8601 date-time with "
                    + "offset, or a date = its start in UTC). An event matches when the interval its precision allows "
                    + "overlaps [from, to).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
            example = "2026-02-26T00:00:00Z")
    public String from;

    @QueryParam("to")
    @Parameter(
            description = "Only events that may have occurred before this instant (exclusive).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
            example = "2026-02-27T00:00:00Z")
    public String to;

    @QueryParam("q")
    @Parameter(
            description = "Full-text search over title, summary and actor names (web search syntax: words, "
                    + "\"quoted phrases\", OR, -excluded).",
            example = "\"red lines\" surveillance")
    public String q;

    @QueryParam("asOf")
    @Parameter(
            description = "What was known then: an instant (ISO-8601 with offset, compared with recordedAt) or a "
                    + "position an append returned (timeline:N, the instant its event was recorded; waited for like "
                    + "waitFor). Events recorded later are absent, corrections and retractions recorded later not "
                    + "applied. A cursor carries its asOf.",
            example = "2026-02-27T12:00:00Z")
    public String asOf;

    @QueryParam("include")
    @Parameter(
            description = "retracted: also answer retracted events, marked retracted: true with the reason.",
            schema = @Schema(enumeration = {"retracted"}))
    public String include;

    /** The filter, its asOf resolved (a position is waited for). */
    public EventFilter toFilter(String timelineId, String order, ReadYourWrites readYourWrites, EventQuery query) {
        return toFilter(timelineId, order).withAsOf(AsOfParam.resolve(asOf, readYourWrites, query));
    }

    /** The filter without its asOf (the current view); 400 naming an invalid parameter. */
    public EventFilter toFilter(String timelineId, String order) {
        String text = q == null || q.isBlank() ? null : QueryParsing.text("q", q.trim());
        List<String> timelines = timelineId != null ? List.of(timelineId) : QueryParsing.list("timeline", timeline);
        OffsetDateTime start = QueryParsing.instant("from", from);
        OffsetDateTime end = QueryParsing.instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw QueryParsing.invalid("from", "beforeTo", "must be before to (the window is [from, to))");
        }
        return new EventFilter(
                timelines,
                QueryParsing.list("type", type),
                QueryParsing.list("actor", actor),
                QueryParsing.list("tag", tag),
                QueryParsing.list("source", source),
                QueryParsing.reliabilities(reliability),
                start,
                end,
                text,
                QueryParsing.descending(order),
                null,
                QueryParsing.includeRetracted(include));
    }
}
