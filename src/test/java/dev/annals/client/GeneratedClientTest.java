package dev.annals.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.client.api.AppendApi;
import dev.annals.client.api.EventTypesApi;
import dev.annals.client.api.JournalApi;
import dev.annals.client.api.ProjectionsApi;
import dev.annals.client.api.QueryApi;
import dev.annals.client.model.ActorPage;
import dev.annals.client.model.AppendResult;
import dev.annals.client.model.AppendedEvent;
import dev.annals.client.model.Event;
import dev.annals.client.model.EventPage;
import dev.annals.client.model.EventTypeSummary;
import dev.annals.client.model.NewEvent;
import dev.annals.client.model.Precision;
import dev.annals.client.model.Problem;
import dev.annals.client.model.StreamPage;
import dev.annals.client.model.TimelineSummary;
import dev.annals.testing.AnnalsInfraResource;
import dev.annals.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the committed OpenAPI spec by driving the running service with a Java client generated from it
 * (openapi-generator, library native, see pom.xml): only the generated ApiClient, APIs and models are used.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class GeneratedClientTest {
    static final String SEED = "/seed/anthropic-dod-standoff.json";

    @TestHTTPResource("/")
    URL baseUrl;

    ApiClient client;
    AppendApi append;
    QueryApi query;
    JournalApi journal;
    ObjectMapper json;

    @BeforeEach
    void client() {
        client = TestClients.withToken(baseUrl);
        append = new AppendApi(client);
        query = new QueryApi(client);
        journal = new JournalApi(client);
        json = client.getObjectMapper();
    }

    /** The demo storyline read into the generated model, with fresh ids (event ids are unique across timelines). */
    List<NewEvent> seed() throws Exception {
        try (InputStream in = GeneratedClientTest.class.getResourceAsStream(SEED)) {
            assertNotNull(in, SEED);
            List<NewEvent> events = json.readValue(in, new TypeReference<List<NewEvent>>() {});
            events.forEach(e -> e.setId(UUID.randomUUID()));
            return events;
        }
    }

    static String freshTimeline() {
        return "anthropic-dod-standoff-client-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void appendsTheStorylineAndQueriesItBack() throws Exception {
        String timeline = freshTimeline();
        List<NewEvent> story = seed();
        assertEquals(13, story.size());
        assertEquals(Precision.DAY, story.get(0).getOccurredAtPrecision());
        assertEquals(
                OffsetDateTime.parse("2026-02-18T00:00:00-05:00"), story.get(0).getOccurredAt());

        // append, requiring a new timeline
        ApiResponse<AppendResult> appended =
                append.appendEventsWithHttpInfo(timeline, story, null, null, "*", "client-test-request", null);
        assertEquals(201, appended.getStatusCode());
        assertEquals(List.of("client-test-request"), appended.getHeaders().get("x-request-id"));
        assertEquals(List.of("W/\"13\""), appended.getHeaders().get("etag"));
        AppendResult result = appended.getData();
        assertEquals(timeline, result.getTimelineId());
        assertEquals(13L, result.getVersion());
        assertEquals(timeline + ":13", result.getPosition());
        assertEquals(
                story.stream().map(NewEvent::getId).toList(),
                result.getEvents().stream().map(AppendedEvent::getId).toList());
        assertEquals(
                sequences(1, 13),
                result.getEvents().stream().map(AppendedEvent::getSequence).toList());
        result.getEvents().forEach(e -> assertNotNull(e.getRecordedAt()));
        String position = result.getPosition();

        // the journal's view
        TimelineSummary summary = journal.getTimeline(timeline);
        assertEquals(13L, summary.getVersion());
        assertEquals(13L, summary.getEventCount());
        assertEquals(1L, summary.getEventCountsByType().get("terms-refused"));
        assertEquals(2L, summary.getEventCountsByType().get("red-line-stated"));
        assertEquals(2L, summary.getEventCountsByType().get("terms-accepted"));
        assertEquals(
                OffsetDateTime.parse("2026-02-18T05:00:00Z").toInstant(),
                summary.getFirstOccurredAt().toInstant());
        StreamPage tail = journal.readStream(timeline, 12L, 5);
        assertEquals(
                List.of(12L, 13L),
                tail.getItems().stream().map(Event::getSequence).toList());
        assertNull(tail.getNextSequence());
        assertEquals(
                story.get(12).getTitle(), journal.readStreamEvent(13L, timeline).getTitle());

        // the read model: wait for the append once, then page through everything, 2 at a time
        List<Event> all = pageAll(cursor -> query.queryTimelineEvents(
                timeline, null, null, cursor, null, null, null, 2, "asc", null, null, null, null, null, null, null,
                position));
        assertEquals(sequences(1, 13), all.stream().map(Event::getSequence).toList());
        assertEquals(
                story.stream().map(NewEvent::getTitle).toList(),
                all.stream().map(Event::getTitle).toList());
        Event refused = all.get(7);
        assertEquals("terms-refused", refused.getType());
        assertEquals(timeline, refused.getTimelineId());
        assertEquals(Precision.HOUR, refused.getOccurredAtPrecision());
        assertEquals(story.get(7).getData(), refused.getData());
        assertEquals("anthropic", refused.getActors().get(0).getId());

        // filters: type (repeated = OR) AND actor, paged 2 at a time until nextCursor is absent
        List<List<Long>> pages = new ArrayList<>();
        List<Event> refusals = pageAll(
                cursor -> query.queryTimelineEvents(
                        timeline,
                        List.of("anthropic"),
                        null,
                        cursor,
                        null,
                        null,
                        null,
                        2,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("terms-refused", "red-line-stated"),
                        null),
                pages);
        assertEquals(List.of(List.of(8L, 9L), List.of(10L)), pages);
        assertEquals(
                List.of("terms-refused", "red-line-stated", "red-line-stated"),
                refusals.stream().map(Event::getType).toList());
        assertEquals(
                List.of(
                        story.get(7).getTitle(),
                        "Red line one: no mass surveillance of Americans",
                        "Red line two: no fully autonomous lethal weapons"),
                refusals.stream().map(Event::getTitle).toList());

        // full-text search, newest first
        EventPage autonomous = query.queryTimelineEvents(
                timeline,
                List.of("anthropic"),
                null,
                null,
                null,
                null,
                null,
                null,
                "desc",
                "autonomous",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertEquals(
                List.of(11L, 10L),
                autonomous.getItems().stream().map(Event::getSequence).toList());
        assertNull(autonomous.getNextCursor());

        // tag filter and time window on the cross-timeline query
        EventPage surveillance = query.queryEvents(
                null,
                null,
                null,
                null,
                OffsetDateTime.parse("2026-02-26T00:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("surveillance"),
                List.of(timeline),
                OffsetDateTime.parse("2026-02-27T00:00:00Z"),
                null,
                null);
        assertEquals(
                List.of(9L),
                surveillance.getItems().stream().map(Event::getSequence).toList());

        // one event by id
        Event redLine = query.getEvent(story.get(8).getId(), null, position, null);
        assertEquals(9L, redLine.getSequence());
        assertEquals("red-line-stated", redLine.getType());
        assertEquals(
                story.get(8).getOccurredAt().toInstant(),
                redLine.getOccurredAt().toInstant());
        assertEquals(story.get(8).getTags(), redLine.getTags());
        assertEquals("anthropic", redLine.getData().get("party"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheOriginalAnswer() throws Exception {
        String timeline = freshTimeline();
        List<NewEvent> events = seed().subList(0, 2);
        events.forEach(event -> event.setId(null));
        String key = UUID.randomUUID().toString();
        AppendResult first = append.appendEvents(timeline, events, key, null, null, null, null);
        AppendResult retry = append.appendEvents(timeline, events, key, null, null, null, null);
        assertEquals(first, retry);
        assertEquals(2L, retry.getVersion());
    }

    @Test
    void staleIfMatchIsAPreconditionFailedProblemWithTheCurrentVersion() throws Exception {
        String timeline = freshTimeline();
        List<NewEvent> story = seed();
        assertEquals(
                3L,
                append.appendEvents(timeline, story.subList(0, 3), null, null, "*", null, null)
                        .getVersion());
        assertEquals(
                5L,
                append.appendEvents(timeline, story.subList(3, 5), null, "\"3\"", null, null, null)
                        .getVersion());

        ApiException stale = assertThrows(
                ApiException.class,
                () -> append.appendEvents(timeline, story.subList(5, 6), null, "\"3\"", null, null, null));
        assertEquals(412, stale.getCode());
        assertTrue(stale.getResponseHeaders()
                .firstValue("content-type")
                .orElseThrow()
                .startsWith("application/problem+json"));
        Problem problem = json.readValue(stale.getResponseBody(), Problem.class);
        assertEquals(412, problem.getStatus());
        assertEquals(5L, problem.getCurrentVersion());
        assertNotNull(problem.getType());
        assertNotNull(problem.getTitle());

        ApiException exists = assertThrows(
                ApiException.class,
                () -> append.appendEvents(timeline, story.subList(5, 6), null, null, "*", null, null));
        assertEquals(412, exists.getCode());
        assertEquals(5L, json.readValue(exists.getResponseBody(), Problem.class).getCurrentVersion());

        assertEquals(5L, journal.getTimeline(timeline).getVersion());
    }

    @Test
    void invalidRequestsAreValidationProblemsNamingTheField() throws Exception {
        String timeline = freshTimeline();
        List<NewEvent> events = seed().subList(0, 2);
        events.get(1).setTitle(null);

        ApiException untitled = assertThrows(
                ApiException.class, () -> append.appendEvents(timeline, events, null, null, null, null, null));
        assertEquals(400, untitled.getCode());
        Problem problem = json.readValue(untitled.getResponseBody(), Problem.class);
        assertEquals(400, problem.getStatus());
        assertNotNull(problem.getErrors());
        assertEquals("/1/title", problem.getErrors().get(0).getPointer());
        assertNotNull(problem.getErrors().get(0).getDetail());
        assertNotNull(problem.getRequestId());
        assertNotNull(problem.getErrors().get(0).getRule());
        ApiException unknown = assertThrows(ApiException.class, () -> journal.getTimeline(timeline));
        assertEquals(404, unknown.getCode(), "nothing stored");

        ApiException badLimit = assertThrows(
                ApiException.class,
                () -> query.queryTimelineEvents(
                        timeline, null, null, null, null, null, null, 0, null, null, null, null, null, null, null, null,
                        null));
        assertEquals(400, badLimit.getCode());
        assertEquals(
                "limit",
                json.readValue(badLimit.getResponseBody(), Problem.class)
                        .getErrors()
                        .get(0)
                        .getParameter());
    }

    @Test
    void everyListIsAnObjectWithItems() throws Exception {
        String timeline = freshTimeline();
        String position = append.appendEvents(timeline, seed(), null, null, "*", null, null)
                .getPosition();
        List<String> actors = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ActorPage page = query.listActors(
                    null,
                    null,
                    cursor,
                    null,
                    null,
                    2,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(timeline),
                    null,
                    null,
                    position);
            assertTrue(page.getItems().size() <= 2, "limit 2");
            page.getItems().forEach(a -> actors.add(a.getId()));
            cursor = page.getNextCursor();
            assertTrue(++pages <= 20, "pagination terminates");
        } while (cursor != null);
        assertTrue(pages > 1, "paged: " + actors);
        assertEquals(actors.stream().distinct().toList(), actors, "no actor twice");
        assertTrue(actors.contains("anthropic"), actors.toString());

        assertTrue(new EventTypesApi(client)
                .listEventTypes(null, 500).getItems().stream()
                        .map(EventTypeSummary::getType)
                        .toList()
                        .containsAll(List.of("terms-refused", "meeting-held", "transition-committed")));
        assertEquals(
                "timeline",
                new ProjectionsApi(client).listProjections().getItems().get(0).getName());
        assertTrue(query.listTimelines(null, 500, null, position).getItems().stream()
                .anyMatch(t -> t.getTimelineId().equals(timeline)));
    }

    @Test
    void withoutATokenOrWithTheWrongRoleTheClientGetsAuthProblems() throws Exception {
        ApiClient anonymousClient = new ApiClient();
        anonymousClient.updateBaseUri(baseUrl.toString().replaceAll("/+$", ""));
        ApiException anonymous =
                assertThrows(ApiException.class, () -> new JournalApi(anonymousClient).getTimeline(freshTimeline()));
        assertEquals(401, anonymous.getCode());
        assertEquals(
                "https://annals.dev/problems/unauthorized",
                json.readValue(anonymous.getResponseBody(), Problem.class)
                        .getType()
                        .toString());

        ApiClient readerClient = new ApiClient();
        readerClient.updateBaseUri(baseUrl.toString().replaceAll("/+$", ""));
        String reader = TestTokens.withGroups("reader");
        readerClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + reader));
        String timeline = freshTimeline();
        ApiException forbidden = assertThrows(
                ApiException.class,
                () -> new AppendApi(readerClient)
                        .appendEvents(timeline, seed().subList(0, 1), null, null, null, null, null));
        assertEquals(403, forbidden.getCode());
        ApiException unknown = assertThrows(ApiException.class, () -> journal.getTimeline(timeline));
        assertEquals(404, unknown.getCode(), "nothing stored");
    }

    interface Page {
        EventPage get(String cursor) throws ApiException;
    }

    static List<Event> pageAll(Page page) throws ApiException {
        return pageAll(page, new ArrayList<>());
    }

    /** Follows nextCursor until it is absent; records each page's sequences. */
    static List<Event> pageAll(Page page, List<List<Long>> pages) throws ApiException {
        List<Event> all = new ArrayList<>();
        String cursor = null;
        do {
            EventPage current = page.get(cursor);
            assertTrue(current.getItems().size() <= 2, "limit 2");
            pages.add(current.getItems().stream().map(Event::getSequence).toList());
            all.addAll(current.getItems());
            cursor = current.getNextCursor();
            assertTrue(pages.size() <= 20, "pagination terminates");
        } while (cursor != null);
        return all;
    }

    static List<Long> sequences(long from, long to) {
        List<Long> list = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            list.add(s);
        }
        return list;
    }
}
