package dev.annals.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds valid append bodies for tests; each call gives fresh ids and timeline names. */
public final class Fixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {}

    /** A timeline id no other test uses. */
    public static String timeline(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid statement-issued event with a fresh id. */
    public static Map<String, Object> statement(String title) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", "statement-issued");
        event.put("occurredAt", "2026-02-26T18:00:00-05:00");
        event.put("occurredAtPrecision", "hour");
        event.put("title", title);
        event.put("summary", "A statement for a test.");
        event.put("actors", List.of(Map.of("id", "dario-amodei", "name", "Dario Amodei", "role", "speaker")));
        event.put(
                "sources",
                List.of(Map.of(
                        "publisher",
                        "The Verge",
                        "url",
                        "https://www.theverge.com/ai-artificial-intelligence",
                        "reliability",
                        "confirmed")));
        event.put("tags", List.of("statement"));
        event.put("data", Map.of("speaker", "dario-amodei", "quote", "threats do not change our position"));
        return event;
    }

    /** {@code count} valid events titled "{prefix} 1", "{prefix} 2", ... */
    public static List<Map<String, Object>> statements(String prefix, int count) {
        List<Map<String, Object>> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            events.add(statement(prefix + " " + i));
        }
        return events;
    }

    /** A valid event of any type, with one source and actors named after their ids. */
    public static Map<String, Object> event(
            String type,
            String title,
            String occurredAt,
            String precision,
            List<String> actorIds,
            List<String> tags,
            String publisher,
            Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("occurredAt", occurredAt);
        event.put("occurredAtPrecision", precision);
        event.put("title", title);
        event.put(
                "actors",
                actorIds.stream().map(id -> Map.of("id", id, "name", name(id))).toList());
        event.put("sources", List.of(Map.of("publisher", publisher, "reliability", "reported")));
        event.put("tags", tags);
        event.put("data", data);
        return event;
    }

    /** "pete-hegseth" becomes "Pete Hegseth". */
    public static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(name.length() == 0 ? "" : " ")
                    .append(Character.toUpperCase(part.charAt(0)))
                    .append(part.substring(1));
        }
        return name.toString();
    }

    /** The JSON text of a fixture. */
    public static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
