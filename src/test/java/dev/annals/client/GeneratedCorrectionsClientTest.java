package dev.annals.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.client.api.AppendApi;
import dev.annals.client.api.CorrectionsApi;
import dev.annals.client.api.QueryApi;
import dev.annals.client.model.AppendResult;
import dev.annals.client.model.Change;
import dev.annals.client.model.ChangePage;
import dev.annals.client.model.CorrectionRequest;
import dev.annals.client.model.Event;
import dev.annals.client.model.EventContext;
import dev.annals.client.model.EventHistory;
import dev.annals.client.model.NewEvent;
import dev.annals.client.model.Precision;
import dev.annals.client.model.RetractionRequest;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The generated Java client corrects and retracts events, and reads history, context, asOf and the change feed. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class GeneratedCorrectionsClientTest {
    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void correctsRetractsAndReadsWhatWasKnownWhen() throws Exception {
        ApiClient client = TestClients.withToken(baseUrl);
        String timeline = "client-corrections-" + UUID.randomUUID().toString().substring(0, 8);
        AppendResult appended = new AppendApi(client)
                .appendEvents(
                        timeline,
                        List.of(event("Talks in Geneva", 1), event("Talks end", 2)),
                        null,
                        null,
                        null,
                        null,
                        null);
        UUID id = appended.getEvents().get(0).getId();
        CorrectionsApi corrections = new CorrectionsApi(client);
        AppendResult corrected = corrections.correctEvent(
                id,
                new CorrectionRequest()
                        .changes(Map.of("title", "Talks in Vienna"))
                        .reason("Moved to Vienna"),
                null,
                null,
                null,
                null);
        QueryApi query = new QueryApi(client);
        Event now = query.getEvent(id, null, corrected.getPosition(), null);
        assertEquals("Talks in Vienna", now.getTitle());
        assertEquals(1, now.getRevisions());
        assertTrue(now.getCorrected());
        Event then = query.getEvent(id, appended.getPosition(), null, null);
        assertEquals("Talks in Geneva", then.getTitle());
        assertNull(then.getRevisions());

        EventHistory history = corrections.getEventHistory(id);
        assertEquals(2, history.getEntries().size());
        assertEquals("Moved to Vienna", history.getEntries().get(1).getReason());
        EventContext context = query.getEventContext(id, 1, null, 0, null, null);
        assertEquals("Talks end", context.getAfter().get(0).getTitle());

        AppendResult retracted = corrections.retractEvent(
                appended.getEvents().get(1).getId(),
                new RetractionRequest().reason("Never ended"),
                null,
                null,
                null,
                null);
        assertTrue(query.getEvent(appended.getEvents().get(1).getId(), null, retracted.getPosition(), null)
                .getRetracted());
        ApiException again = assertThrows(
                ApiException.class,
                () -> corrections.retractEvent(
                        appended.getEvents().get(1).getId(),
                        new RetractionRequest().reason("Twice"),
                        null,
                        null,
                        null,
                        null));
        assertEquals(422, again.getCode());
        ChangePage changes = query.getTimelineChanges(timeline, null, timeline + ":" + appended.getVersion());
        assertEquals(
                List.of(Change.KindEnum.CORRECTED, Change.KindEnum.RETRACTED),
                changes.getItems().stream().map(Change::getKind).toList());
    }

    private static NewEvent event(String title, int day) {
        NewEvent event = new NewEvent();
        event.setType("meeting-held");
        event.setOccurredAt(OffsetDateTime.parse("2026-02-0" + day + "T10:00:00Z"));
        event.setOccurredAtPrecision(Precision.HOUR);
        event.setTitle(title);
        event.setData(Map.of("participants", List.of("us-dod", "anthropic")));
        return event;
    }
}
