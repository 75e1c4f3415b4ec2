package dev.annals.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV row per event (RFC 4180: comma separated, CRLF line ends, a field with a comma, quote, CR or LF quoted,
 * quotes doubled). Lists are joined with {@code ;}. A cell that a spreadsheet would read as a formula (it starts
 * with {@code = + - @}, tab or CR) gets a leading {@code '}: CSV is for spreadsheets, NDJSON is the lossless export.
 */
final class CsvRows {
    static final List<String> COLUMNS = List.of(
            "eventId",
            "timelineId",
            "sequence",
            "type",
            "typeVersion",
            "occurredAt",
            "occurredAtPrecision",
            "recordedAt",
            "title",
            "summary",
            "actors",
            "actorNames",
            "tags",
            "sources",
            "sourceUrls",
            "reliability",
            "corrected",
            "retracted",
            "data");

    private CsvRows() {}

    static String header() {
        return String.join(",", COLUMNS) + "\r\n";
    }

    /** The row of an event, from its JSON (so every value is written as the JSON export writes it). */
    static String row(JsonNode e) {
        List<String> cells = List.of(
                text(e, "id"),
                text(e, "timelineId"),
                text(e, "sequence"),
                text(e, "type"),
                text(e, "typeVersion"),
                text(e, "occurredAt"),
                text(e, "occurredAtPrecision"),
                text(e, "recordedAt"),
                text(e, "title"),
                text(e, "summary"),
                join(e, "actors", "id"),
                join(e, "actors", "name"),
                join(e, "tags", null),
                join(e, "sources", "publisher"),
                join(e, "sources", "url"),
                join(e, "sources", "reliability"),
                Boolean.toString(e.path("corrected").asBoolean(false)),
                Boolean.toString(e.path("retracted").asBoolean(false)),
                e.has("data") ? e.get("data").toString() : "");
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells.get(i)));
        }
        return row.append("\r\n").toString();
    }

    /** A cell: defused against formula injection, then quoted when RFC 4180 needs it. */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String join(JsonNode event, String field, String member) {
        List<String> parts = new ArrayList<>();
        for (JsonNode item : event.path(field)) {
            parts.add(member == null ? item.asText() : text(item, member));
        }
        return String.join(";", parts);
    }
}
