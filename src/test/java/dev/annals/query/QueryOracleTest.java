package dev.annals.query;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Appends a random story set, then compares many random queries (content and order, every page walked) with an
 * in-memory oracle computed from what was appended.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class QueryOracleTest {
    static final List<String> ACTORS = List.of("us-dod", "anthropic", "openai", "xai", "white-house");
    static final List<String> TAGS = List.of("ultimatum", "red-lines", "statement", "deadline");
    static final List<String> PUBLISHERS = List.of("The Verge", "Reuters", "Axios");
    static final List<String> WORDS = List.of("zephyr", "quasar", "falcon", "harbor", "glacier");
    static final List<String> PRECISIONS = List.of("second", "minute", "hour", "day", "month");
    static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(-5), ZoneOffset.ofHours(9));

    /** What the oracle knows of one appended event. */
    record Known(
            String id,
            String timeline,
            long sequence,
            String type,
            OffsetDateTime at,
            String precision,
            List<String> actors,
            List<String> tags,
            String publisher,
            String title) {
        OffsetDateTime start() {
            return switch (precision) {
                case "second" -> at.truncatedTo(ChronoUnit.SECONDS);
                case "minute" -> at.truncatedTo(ChronoUnit.MINUTES);
                case "hour" -> at.truncatedTo(ChronoUnit.HOURS);
                case "day" -> at.truncatedTo(ChronoUnit.DAYS);
                default -> at.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            };
        }

        OffsetDateTime end() {
            return switch (precision) {
                case "second" -> start().plusSeconds(1);
                case "minute" -> start().plusMinutes(1);
                case "hour" -> start().plusHours(1);
                case "day" -> start().plusDays(1);
                default -> start().plusMonths(1);
            };
        }
    }

    /** Always writes seconds, as RFC 3339 requires (OffsetDateTime.toString drops ":00"). */
    static final java.time.format.DateTimeFormatter RFC3339 = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    final Random random = new Random(20260226L);

    @Test
    void randomQueriesMatchTheOracleOnEveryPage() {
        List<String> timelines = List.of(
                Fixtures.timeline("oracle-a"),
                Fixtures.timeline("oracle-b"),
                Fixtures.timeline("oracle-c"),
                Fixtures.timeline("oracle-d"));
        List<Known> known = appendRandomStory(timelines, 120);

        for (int round = 0; round < 60; round++) {
            Map<String, List<String>> filters = randomFilters();
            boolean desc = random.nextBoolean();
            List<String> expected = known.stream()
                    .filter(k -> matches(k, filters))
                    .sorted(order(desc))
                    .map(Known::id)
                    .toList();
            List<String> actual = walk(timelines, filters, desc, 1 + random.nextInt(9));
            List<Known> differing = known.stream()
                    .filter(k -> expected.contains(k.id()) != actual.contains(k.id()))
                    .toList();
            assertEquals(
                    expected, actual, "filters " + filters + (desc ? " desc" : " asc") + "; differing " + differing);
        }
    }

    private List<Known> appendRandomStory(List<String> timelines, int count) {
        List<Known> known = new ArrayList<>();
        OffsetDateTime base = OffsetDateTime.parse("2026-02-01T00:00:00Z");
        long[] sequences = new long[timelines.size()];
        String lastPosition = null;
        for (int batch = 0; batch < count / 10; batch++) {
            int t = random.nextInt(timelines.size());
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                // few distinct instants, so that ties on occurredAt are common
                OffsetDateTime at = base.plusHours(random.nextInt(40) * 13L)
                        .plusMinutes(random.nextInt(2) * 7L)
                        .withOffsetSameInstant(OFFSETS.get(random.nextInt(OFFSETS.size())));
                String precision = PRECISIONS.get(random.nextInt(PRECISIONS.size()));
                List<String> actors = subset(ACTORS, 1 + random.nextInt(2));
                List<String> tags = subset(TAGS, random.nextInt(3));
                String publisher = PUBLISHERS.get(random.nextInt(PUBLISHERS.size()));
                String title = "Report on " + WORDS.get(random.nextInt(WORDS.size())) + " number " + batch + "-" + i;
                Map<String, Object> event = Fixtures.event(
                        "statement-issued",
                        title,
                        RFC3339.format(at),
                        precision,
                        actors,
                        tags,
                        publisher,
                        Map.of("speaker", actors.get(0), "quote", "words"));
                events.add(event);
                known.add(new Known(
                        (String) event.get("id"),
                        timelines.get(t),
                        ++sequences[t],
                        "statement-issued",
                        at,
                        precision,
                        actors,
                        tags,
                        publisher,
                        title));
            }
            lastPosition = given().contentType(ContentType.JSON)
                    .body(events)
                    .post("/v1/timelines/{t}/events", timelines.get(t))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("position");
        }
        for (int t = 0; t < timelines.size(); t++) {
            if (sequences[t] > 0) {
                given().queryParam("waitFor", timelines.get(t) + ":" + sequences[t])
                        .queryParam("limit", 1)
                        .get("/v1/events")
                        .then()
                        .statusCode(200);
            }
        }
        return known;
    }

    private Map<String, List<String>> randomFilters() {
        Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            filters.put("actor", subset(ACTORS, 1 + random.nextInt(2)));
        }
        if (random.nextInt(3) == 0) {
            filters.put("tag", subset(TAGS, 1 + random.nextInt(2)));
        }
        if (random.nextInt(3) == 0) {
            filters.put(
                    "source",
                    List.of(PUBLISHERS.get(random.nextInt(PUBLISHERS.size())).toUpperCase(Locale.ROOT)));
        }
        if (random.nextInt(3) == 0) {
            filters.put("q", List.of(WORDS.get(random.nextInt(WORDS.size()))));
        }
        if (random.nextInt(2) == 0) {
            OffsetDateTime from = OffsetDateTime.parse("2026-02-01T00:00:00Z").plusHours(random.nextInt(500));
            filters.put("from", List.of(from.toString()));
            if (random.nextBoolean()) {
                filters.put(
                        "to", List.of(from.plusHours(1 + random.nextInt(200)).toString()));
            }
        }
        return filters;
    }

    private boolean matches(Known k, Map<String, List<String>> filters) {
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            List<String> values = f.getValue();
            boolean ok = switch (f.getKey()) {
                case "actor" -> k.actors().stream().anyMatch(values::contains);
                case "tag" -> k.tags().stream().anyMatch(values::contains);
                case "source" -> values.stream().anyMatch(v -> v.equalsIgnoreCase(k.publisher()));
                case "q" -> k.title().contains(values.get(0));
                case "from" -> k.end().isAfter(OffsetDateTime.parse(values.get(0)));
                case "to" -> k.start().isBefore(OffsetDateTime.parse(values.get(0)));
                default -> throw new IllegalArgumentException(f.getKey());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Comparator<Known> order(boolean desc) {
        Comparator<Known> asc = Comparator.comparing((Known k) -> k.at().toInstant())
                .thenComparing(Known::timeline)
                .thenComparingLong(Known::sequence);
        return desc ? asc.reversed() : asc;
    }

    /** Follows nextCursor to the end, checking that no event comes twice. */
    private List<String> walk(List<String> timelines, Map<String, List<String>> filters, boolean desc, int limit) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            RequestSpecification request =
                    given().queryParam("limit", limit).queryParam("order", desc ? "desc" : "asc");
            timelines.forEach(t -> request.queryParam("timeline", t));
            filters.forEach((name, values) -> values.forEach(v -> request.queryParam(name, v)));
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/events");
            page.then().statusCode(200);
            List<String> pageIds = page.jsonPath().getList("items.id");
            for (String id : pageIds) {
                assertEquals(true, seen.add(id), "event " + id + " returned twice");
            }
            ids.addAll(pageIds);
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private List<String> subset(List<String> from, int size) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(size, copy.size())));
    }
}
