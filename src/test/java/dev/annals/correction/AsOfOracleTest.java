package dev.annals.correction;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * asOf against an oracle: a random story of appends, corrections and retractions on three timelines; for random
 * instants (and the instants of the story's own recordings), every query answers, page by page, exactly what a
 * replay of the journal up to that instant gives under the same rules.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class AsOfOracleTest {

    @Test
    void everyInstantAnswersWhatTheJournalUpToItSays() {
        long seed = Long.getLong("annals.oracle.seed", System.nanoTime());
        RandomStory story = new RandomStory(seed, "as-of", 3);
        for (int i = 0; i < 70; i++) {
            story.step();
        }
        story.positions
                .values()
                .forEach(position -> given().queryParam("waitFor", position)
                        .queryParam("limit", 1)
                        .get("/v1/events")
                        .then()
                        .statusCode(200));
        Map<String, List<JsonNode>> journals = new LinkedHashMap<>();
        TreeSet<OffsetDateTime> recorded = new TreeSet<>();
        for (String timeline : story.timelines) {
            List<JsonNode> journal = Replay.journal(timeline);
            journals.put(timeline, journal);
            journal.forEach(
                    e -> recorded.add(OffsetDateTime.parse(e.get("recordedAt").asText())));
        }
        List<OffsetDateTime> instants = new ArrayList<>();
        instants.add(recorded.first().minusSeconds(1));
        instants.add(null);
        List<OffsetDateTime> all = new ArrayList<>(recorded);
        for (int i = 0; i < 12; i++) {
            OffsetDateTime at = all.get(story.random.nextInt(all.size()));
            instants.add(at);
            instants.add(at.minusNanos(1000));
        }
        for (OffsetDateTime asOf : instants) {
            String why = "seed " + seed + ", asOf " + asOf;
            check(why, journals, story.timelines, asOf, false, null, null);
            check(why + ", include=retracted", journals, story.timelines, asOf, true, null, null);
            check(why + ", tag beta", journals, story.timelines, asOf, false, "tag", "beta");
            check(why + ", actor li-wei", journals, story.timelines, asOf, true, "actor", "li-wei");
            check(why + ", one timeline", journals, story.timelines.subList(1, 2), asOf, false, null, null);
        }
    }

    private static void check(
            String why,
            Map<String, List<JsonNode>> journals,
            List<String> timelines,
            OffsetDateTime asOf,
            boolean include,
            String filter,
            String value) {
        Predicate<Replay.Seen> matches = seen -> filter == null
                || "tag".equals(filter) && seen.tags().contains(value)
                || "actor".equals(filter) && seen.actors().contains(value);
        Map<String, List<JsonNode>> asked = new LinkedHashMap<>();
        timelines.forEach(t -> asked.put(t, journals.get(t)));
        List<Replay.Seen> expected = Replay.asOf(asked, asOf, include, matches);
        List<Replay.Seen> answered = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("limit", 7);
            if (cursor == null) {
                timelines.forEach(t -> request.queryParam("timeline", t));
                if (asOf != null) {
                    request.queryParam("asOf", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(asOf));
                }
                if (include) {
                    request.queryParam("include", "retracted");
                }
                if (filter != null) {
                    request.queryParam(filter, value);
                }
            } else {
                // the cursor carries asOf: a next page asks with the cursor and the filters only
                timelines.forEach(t -> request.queryParam("timeline", t));
                if (include) {
                    request.queryParam("include", "retracted");
                }
                if (filter != null) {
                    request.queryParam(filter, value);
                }
                request.queryParam("cursor", cursor);
            }
            JsonNode page = Replay.read(
                    request.get("/v1/events").then().statusCode(200).extract().asString());
            page.get("items").forEach(e -> answered.add(Replay.Seen.answered(e)));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(expected, answered, why);
    }
}
