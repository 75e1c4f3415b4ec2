package dev.annals.correction;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Corrections and retractions of the same events racing each other: whatever wins, no change is ever stored
 * after a retraction of its event, and every answer is a 201 or a 422 — never a 500, never a lost check.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class CorrectionRaceTest {

    @Test
    void noChangeIsStoredAfterARetractionHoweverTheyRace() throws Exception {
        String timeline = Fixtures.timeline("race");
        List<Map<String, Object>> events = Fixtures.statements("Rumour", 12);
        CorrectionApiTest.append(timeline, events);
        List<Integer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Map<String, Object> event : events) {
            String id = (String) event.get("id");
            CyclicBarrier start = new CyclicBarrier(3);
            List<CompletableFuture<Void>> racers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                int racer = r;
                racers.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    answers.add(
                            racer == 0
                                    ? given().contentType(ContentType.JSON)
                                            .body(Map.of("reason", "withdrawn"))
                                            .post("/v1/events/{id}/retractions", id)
                                            .statusCode()
                                    : given().contentType(ContentType.JSON)
                                            .body(Map.of(
                                                    "changes", Map.of("title", "Rumour by " + racer), "reason", "r"))
                                            .post("/v1/events/{id}/corrections", id)
                                            .statusCode());
                }));
            }
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get();
        }
        assertTrue(answers.stream().allMatch(s -> s == 201 || s == 422), "answers " + answers);
        Set<String> retracted = new HashSet<>();
        int changes = 0;
        for (JsonNode stored : Replay.journal(timeline)) {
            String type = stored.get("type").asText();
            if (ChangeKind.of(type).isEmpty()) {
                continue;
            }
            changes++;
            String target = stored.at("/data/eventId").asText();
            assertTrue(!retracted.contains(target), "a change stored after the retraction of " + target);
            if ("event-retracted".equals(type)) {
                retracted.add(target);
            }
        }
        assertEquals(12, retracted.size(), "every event retracted once");
        assertEquals(answers.stream().filter(s -> s == 201).count(), changes, "one stored change per 201");
    }
}
