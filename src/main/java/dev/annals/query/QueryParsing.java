package dev.annals.query;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.event.Reliability;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses query parameters into typed values, answering 400 with the parameter's name when one is invalid. */
final class QueryParsing {
    private QueryParsing() {}

    /** An ISO-8601 date-time with offset, or a plain date meaning its start in UTC. */
    static OffsetDateTime instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        OffsetDateTime value;
        try {
            value = raw.length() == 10
                    ? LocalDate.parse(raw).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw invalid(name, "format", "must be an ISO-8601 date-time with offset (2026-02-26T18:00:00Z) or a date");
        }
        if (value.getYear() < 1 || value.getYear() > 9999) {
            throw invalid(name, "range", "must lie between the years 1 and 9999");
        }
        return value;
    }

    static boolean includeRetracted(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        if (!"retracted".equals(raw.trim())) {
            throw invalid("include", "enum", "must be retracted");
        }
        return true;
    }

    static boolean descending(String raw) {
        if (raw == null || raw.isBlank() || "asc".equals(raw.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if ("desc".equals(raw.toLowerCase(Locale.ROOT))) {
            return true;
        }
        throw invalid("order", "enum", "must be asc or desc");
    }

    static List<String> list(String name, List<String> raw) {
        List<String> values = raw == null
                ? List.of()
                : raw.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::trim)
                        .distinct()
                        .sorted()
                        .toList();
        values.forEach(v -> text(name, v));
        return values;
    }

    /** Reliability values (confirmed, reported, alleged, denied), lower-case. */
    static List<String> reliabilities(List<String> raw) {
        List<String> values = list("reliability", raw).stream()
                .map(v -> v.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        for (String value : values) {
            if (Arrays.stream(Reliability.values()).noneMatch(r -> r.wire().equals(value))) {
                throw invalid("reliability", "enum", "must be one of confirmed, reported, alleged, denied");
            }
        }
        return values;
    }

    /** A free-text value; PostgreSQL text cannot hold U+0000. */
    static String text(String name, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw invalid(name, "noNulCharacter", "must not contain the NUL character (U+0000)");
        }
        return value;
    }

    static RuntimeException invalid(String name, String rule, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "Invalid parameter " + name, List.of(FieldError.parameter(name, rule, message)));
    }
}
