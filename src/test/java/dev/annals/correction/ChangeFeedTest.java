package dev.annals.correction;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The change feed of a timeline: a client that syncs now and then during a random story, applying each page,
 * ends equal to a fresh query; each event appears once per sync, in the order of its latest change.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ChangeFeedTest {

    @Test
    void aClientSyncingWithTheFeedEndsEqualToAFreshQuery() {
        long seed = System.nanoTime();
        RandomStory story = new RandomStory(seed, "feed", 1);
        String timeline = story.timelines.get(0);
        Map<String, JsonNode> synced = new TreeMap<>();
        String since = null;
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 10; i++) {
                story.step();
            }
            given().queryParam("waitFor", story.positions.get(timeline))
                    .queryParam("limit", 1)
                    .get("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(200);
            since = sync(timeline, since, synced, "seed " + seed);
        }
        Map<String, JsonNode> fresh = new TreeMap<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = Replay.read(request.get("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            page.get("items").forEach(e -> fresh.put(e.get("id").asText(), e));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(fresh.keySet(), synced.keySet(), "seed " + seed);
        fresh.forEach((id, event) -> assertEquals(event, synced.get(id), "seed " + seed + ", event " + id));
    }

    @Test
    void sinceMustBeAPositionOfTheTimeline() {
        String timeline = Fixtures.timeline("feed-since");
        given().queryParam("since", "other:3")
                .get("/v1/timelines/{t}/changes", timeline)
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("since"));
        given().queryParam("since", "-1")
                .get("/v1/timelines/{t}/changes", timeline)
                .then()
                .statusCode(400);
        given().get("/v1/timelines/{t}/changes", timeline)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next", equalTo(timeline + ":0"));
    }

    /** Applies every page after {@code since}: retracted ones removed, the others put by id; the next position. */
    private static String sync(String timeline, String since, Map<String, JsonNode> synced, String why) {
        String position = since;
        boolean more = true;
        Set<String> seen = new HashSet<>();
        List<Long> order = new ArrayList<>();
        while (more) {
            var request = given().queryParam("limit", 4);
            if (position != null) {
                request.queryParam("since", position);
            }
            JsonNode page = Replay.read(request.get("/v1/timelines/{t}/changes", timeline)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            for (JsonNode change : page.get("items")) {
                String id = change.at("/event/id").asText();
                assertTrue(seen.add(id), why + ": " + id + " twice in one sync");
                order.add(Long.parseLong(change.get("position").asText().substring(timeline.length() + 1)));
                if ("retracted".equals(change.get("kind").asText())) {
                    synced.remove(id);
                } else {
                    synced.put(id, change.get("event"));
                }
            }
            position = page.get("next").asText();
            more = page.get("hasMore").asBoolean();
        }
        List<Long> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertEquals(sorted, order, why + ": in the order of their changes");
        return position;
    }
}
