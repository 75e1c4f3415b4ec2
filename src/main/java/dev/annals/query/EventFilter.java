package dev.annals.query;

import java.time.OffsetDateTime;
import java.util.List;

/** The filters of an event query; every part is optional, list filters match any of their values. */
public record EventFilter(List<String> timelines, List<String> types, List<String> actors, List<String> tags,
                          List<String> sources, OffsetDateTime from, OffsetDateTime to, String q, boolean descending) {

    /** Identifies the query a cursor belongs to (everything but the page position). */
    String fingerprint() {
        return String.join("|", String.join(",", timelines), String.join(",", types), String.join(",", actors),
                String.join(",", tags), String.join(",", sources), String.valueOf(from == null ? null : from.toInstant()),
                String.valueOf(to == null ? null : to.toInstant()), String.valueOf(q), descending ? "desc" : "asc");
    }
}
