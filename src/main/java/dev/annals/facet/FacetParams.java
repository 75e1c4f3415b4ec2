package dev.annals.facet;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.journal.QueryParams;
import jakarta.ws.rs.QueryParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What a facet query counts: which facets, how many values each, and the histogram's interval and zone. */
public class FacetParams {
    static final int MAX_TOP = 100;

    @QueryParam("facet")
    @Parameter(
            description = "A facet to count: type, actor, tag, publisher or reliability; repeat for several "
                    + "(default: all five).",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FacetKind.class))
    public List<String> facet;

    @QueryParam("top")
    @Parameter(
            description = "How many values of each facet, most frequent first: 1..100 (default 10).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
    public String top;

    @QueryParam("interval")
    @Parameter(
            description = "The histogram's bucket width; no histogram without it.",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"day", "week", "month", "year"}))
    public String interval;

    @QueryParam("tz")
    @Parameter(
            description = "The IANA time zone the histogram's buckets start in (default UTC); one whose offsets "
                    + "since 1970 are whole hours (Asia/Kolkata, say, is refused).",
            example = "America/New_York")
    public String tz;

    @QueryParam("waitFor")
    @Parameter(
            description = "A position returned by an append: wait until the read model reflects it.",
            example = "anthropic-dod-standoff:14")
    public String waitFor;

    List<FacetKind> kinds() {
        if (facet == null || facet.stream().allMatch(f -> f == null || f.isBlank())) {
            return List.of(FacetKind.values());
        }
        try {
            return facet.stream()
                    .filter(f -> f != null && !f.isBlank())
                    .map(f -> FacetKind.fromWire(f.trim()))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IllegalArgumentException e) {
            throw invalid("facet", "enum", "must be type, actor, tag, publisher or reliability");
        }
    }

    int topValues() {
        return top == null || top.isBlank() ? 10 : (int) QueryParams.positiveLong("top", top, MAX_TOP);
    }

    Interval histogramInterval() {
        if (interval == null || interval.isBlank()) {
            return null;
        }
        try {
            return Interval.fromWire(interval.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("interval", "enum", "must be day, week, month or year");
        }
    }

    /** A region (or UTC); fixed offsets are refused, since PostgreSQL reads "UTC+2" the POSIX way, inverted. */
    ZoneId zone() {
        if (tz == null || tz.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            ZoneId zone = ZoneId.of(tz.trim());
            if (zone instanceof ZoneOffset || zone.getId().matches("(?i)^(GMT|UTC|UT)[+-].*")) {
                throw new DateTimeException("an offset");
            }
            if (!wholeHours(zone)) {
                throw invalid(
                        "tz",
                        "wholeHourOffset",
                        "must have whole-hour offsets (buckets are counted by the hour): " + zone.getId() + " has not");
            }
            return zone;
        } catch (DateTimeException e) {
            throw invalid("tz", "timeZone", "must be an IANA time zone name such as UTC or Europe/Berlin");
        }
    }

    /** Whether the zone's offsets since 1970 (standard and daylight) are all whole hours. */
    static boolean wholeHours(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.getOffset(Instant.EPOCH).getTotalSeconds() % 3600 != 0) {
            return false;
        }
        ZoneOffsetTransition next = rules.nextTransition(Instant.EPOCH);
        for (int i = 0; next != null && i < 1000; i++) {
            if (next.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
                return false;
            }
            next = rules.nextTransition(next.getInstant());
        }
        return true;
    }

    static RuntimeException invalid(String name, String rule, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "Invalid parameter " + name, List.of(FieldError.parameter(name, rule, message)));
    }
}
