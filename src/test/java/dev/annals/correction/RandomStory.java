package dev.annals.correction;

import static dev.annals.support.Api.given;

import dev.annals.support.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Plays a random story through the public API: appends to a few timelines, corrections (of events and of
 * corrections) and retractions, and remembers each timeline's last position.
 */
final class RandomStory {
    private static final List<String> TAGS = List.of("alpha", "beta", "gamma");
    private static final List<String> ACTORS = List.of("ana-reyes", "li-wei", "sam-okafor");

    final Random random;
    final List<String> timelines = new ArrayList<>();
    final Map<String, String> positions = new HashMap<>();
    private final Map<String, List<String>> changeable = new HashMap<>();
    private final Map<String, List<String>> changes = new HashMap<>();
    private int titles;

    RandomStory(long seed, String prefix, int timelineCount) {
        this.random = new Random(seed);
        for (int i = 0; i < timelineCount; i++) {
            String timeline = Fixtures.timeline(prefix);
            timelines.add(timeline);
            changeable.put(timeline, new ArrayList<>());
            changes.put(timeline, new ArrayList<>());
        }
    }

    /** One random step: an append of 1..3 events, a correction or a retraction. */
    void step() {
        String timeline = timelines.get(random.nextInt(timelines.size()));
        List<String> ids = changeable.get(timeline);
        int dice = random.nextInt(10);
        if (ids.isEmpty() || dice < 5) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                events.add(event());
            }
            Response response =
                    given().contentType(ContentType.JSON).body(events).post("/v1/timelines/{t}/events", timeline);
            record(timeline, response);
            events.forEach(e -> ids.add((String) e.get("id")));
        } else if (dice < 9) {
            String target = pick(timeline, ids);
            Map<String, Object> body = new LinkedHashMap<>();
            String id = UUID.randomUUID().toString();
            body.put("id", id);
            body.put("changes", changes());
            body.put("reason", "corrected " + titles);
            Response response =
                    given().contentType(ContentType.JSON).body(body).post("/v1/events/{id}/corrections", target);
            if (response.statusCode() == 201) {
                record(timeline, response);
                changes.get(timeline).add(id);
            } else if (response.statusCode() != 422) {
                throw new AssertionError("correction answered " + response.statusCode() + ": " + response.asString());
            }
        } else {
            String target = ids.remove(random.nextInt(ids.size()));
            Response response = given().contentType(ContentType.JSON)
                    .body(Map.of("reason", "did not happen"))
                    .post("/v1/events/{id}/retractions", target);
            record(timeline, response);
        }
    }

    /** A live event, or now and then a correction of one (which corrects that event, or is refused). */
    private String pick(String timeline, List<String> ids) {
        List<String> corrections = changes.get(timeline);
        if (!corrections.isEmpty() && random.nextInt(5) == 0) {
            return corrections.get(random.nextInt(corrections.size()));
        }
        return ids.get(random.nextInt(ids.size()));
    }

    private Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        int what = random.nextInt(4);
        if (what == 0 || random.nextBoolean()) {
            changes.put("title", "Corrected " + (++titles));
        }
        if (what == 1) {
            changes.put("occurredAt", day());
        }
        if (what == 2) {
            changes.put("tags", tags());
        }
        if (what == 3) {
            changes.put("actors", List.of(actor()));
        }
        return changes;
    }

    private Map<String, Object> event() {
        String actor = ACTORS.get(random.nextInt(ACTORS.size()));
        return Fixtures.event(
                "statement-issued",
                "Event " + (++titles),
                day(),
                random.nextBoolean() ? "day" : "minute",
                List.of(actor),
                tags(),
                "Reuters",
                Map.of("speaker", actor, "quote", "q" + titles));
    }

    private Map<String, Object> actor() {
        String id = ACTORS.get(random.nextInt(ACTORS.size()));
        return Map.of("id", id, "name", Fixtures.name(id));
    }

    private String day() {
        return String.format("2026-02-%02dT%02d:30:00Z", 1 + random.nextInt(27), random.nextInt(24));
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextBoolean()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private void record(String timeline, Response response) {
        if (response.statusCode() != 201) {
            throw new AssertionError("append answered " + response.statusCode() + ": " + response.asString());
        }
        positions.put(timeline, response.path("position"));
    }
}
