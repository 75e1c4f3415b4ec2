package dev.annals.correction;

import static dev.annals.support.Api.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The oracle: a timeline's journal (read through the API) replayed up to an instant with the rules of {@link
 * EventState}, to what the read model should answer as of that instant.
 */
final class Replay {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An event as the replay or an answer has it: what the comparison looks at. */
    record Seen(
            String id,
            String title,
            OffsetDateTime occurredAt,
            List<String> tags,
            List<String> actors,
            int revisions,
            boolean retracted) {
        static Seen of(JsonNode event, int revisions, boolean retracted) {
            List<String> tags = new ArrayList<>();
            event.path("tags").forEach(t -> tags.add(t.asText()));
            List<String> actors = new ArrayList<>();
            event.path("actors").forEach(a -> actors.add(a.get("id").asText()));
            return new Seen(
                    event.get("id").asText(),
                    event.get("title").asText(),
                    OffsetDateTime.parse(event.get("occurredAt").asText())
                            .withOffsetSameInstant(java.time.ZoneOffset.UTC),
                    tags,
                    actors,
                    revisions,
                    retracted);
        }

        /** As the API answers it, marks included. */
        static Seen answered(JsonNode event) {
            return of(
                    event,
                    event.path("revisions").asInt(0),
                    event.path("retracted").asBoolean(false));
        }
    }

    /** Every journal event of the timeline, oldest first. */
    static List<JsonNode> journal(String timeline) {
        List<JsonNode> events = new ArrayList<>();
        long from = 1;
        while (true) {
            JsonNode page = read(given().queryParam("fromSequence", from)
                    .queryParam("limit", 200)
                    .get("/v1/timelines/{t}/stream", timeline)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            page.get("items").forEach(events::add);
            if (!page.hasNonNull("nextSequence")) {
                return events;
            }
            from = page.get("nextSequence").asLong();
        }
    }

    /** The events of these journals as known at {@code asOf} (null: everything), in query order, filtered. */
    static List<Seen> asOf(
            Map<String, List<JsonNode>> journals,
            OffsetDateTime asOf,
            boolean includeRetracted,
            Predicate<Seen> filter) {
        List<Keyed> known = new ArrayList<>();
        journals.forEach((timeline, journal) -> {
            Map<String, EventState> states = new LinkedHashMap<>();
            Map<String, Long> sequences = new LinkedHashMap<>();
            for (JsonNode event : journal) {
                if (asOf != null
                        && OffsetDateTime.parse(event.get("recordedAt").asText())
                                .isAfter(asOf)) {
                    break;
                }
                Optional<ChangeKind> kind = ChangeKind.of(event.get("type").asText());
                String id = event.get("id").asText();
                if (kind.isEmpty()) {
                    states.put(id, EventState.original((ObjectNode) event));
                    sequences.put(id, event.get("sequence").asLong());
                } else {
                    String target = event.at("/data/eventId").asText();
                    if (states.containsKey(target)) {
                        states.put(
                                target, states.get(target).then(new EventState.Change(kind.get(), event.get("data"))));
                    }
                }
            }
            states.forEach((id, state) -> {
                Seen seen = Seen.of(state.event(), state.revisions(), state.retracted());
                if ((includeRetracted || !state.retracted()) && filter.test(seen)) {
                    known.add(new Keyed(seen, timeline, sequences.get(id)));
                }
            });
        });
        known.sort(Comparator.comparing((Keyed k) -> k.seen().occurredAt())
                .thenComparing(Keyed::timeline)
                .thenComparingLong(Keyed::sequence));
        return known.stream().map(Keyed::seen).toList();
    }

    private record Keyed(Seen seen, String timeline, long sequence) {}

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
