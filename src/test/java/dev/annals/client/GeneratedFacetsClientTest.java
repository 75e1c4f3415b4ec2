package dev.annals.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.annals.client.api.AppendApi;
import dev.annals.client.api.QueryApi;
import dev.annals.client.api.TimelinesApi;
import dev.annals.client.model.AppendResult;
import dev.annals.client.model.FacetKind;
import dev.annals.client.model.FacetValue;
import dev.annals.client.model.Facets;
import dev.annals.client.model.HistogramBucket;
import dev.annals.client.model.MetadataRequest;
import dev.annals.client.model.NewEvent;
import dev.annals.client.model.Precision;
import dev.annals.client.model.Reliability;
import dev.annals.client.model.TimelineListItem;
import dev.annals.client.model.TimelineMetadata;
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

/** The generated Java client reads facets and histograms, and names a timeline. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class GeneratedFacetsClientTest {
    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void countsFacetsAndNamesTheTimeline() throws Exception {
        ApiClient client = TestClients.withToken(baseUrl);
        String timeline = "aaa-client-facets-" + UUID.randomUUID().toString().substring(0, 8);
        TimelineMetadata named = new TimelinesApi(client)
                .putTimelineMetadata(
                        timeline,
                        new MetadataRequest()
                                .title("Talks")
                                .description("Who met whom")
                                .tags(List.of("ai")));
        assertEquals("Talks", named.getTitle());
        AppendResult appended = new AppendApi(client)
                .appendEvents(
                        timeline,
                        List.of(event(1, Precision.HOUR), event(2, Precision.DAY), event(1, Precision.MONTH)),
                        null,
                        null,
                        null,
                        null,
                        null);
        QueryApi query = new QueryApi(client);
        Facets facets = query.queryFacets(
                null,
                null,
                List.of(FacetKind.TYPE, FacetKind.ACTOR),
                null,
                null,
                "day",
                null,
                null,
                null,
                null,
                List.of(timeline),
                null,
                5,
                null,
                "Europe/Berlin",
                appended.getPosition());
        assertEquals(3L, facets.getTotal());
        assertEquals(
                List.of("anthropic", "us-dod"),
                facets.getFacets().getActor().getValues().stream()
                        .map(FacetValue::getValue)
                        .toList());
        assertNull(facets.getFacets().getTag());
        assertEquals(
                List.of(
                        OffsetDateTime.parse("2026-02-01T00:00:00+01:00"),
                        OffsetDateTime.parse("2026-02-02T00:00+01:00")),
                facets.getHistogram().getBuckets().stream()
                        .map(HistogramBucket::getStart)
                        .toList());
        assertEquals("month", facets.getHistogram().getCoarser().get(0).getPrecision());
        Facets confirmed = query.queryFacets(
                null,
                null,
                List.of(FacetKind.RELIABILITY),
                null,
                null,
                null,
                null,
                List.of(Reliability.CONFIRMED),
                null,
                null,
                List.of(timeline),
                null,
                null,
                null,
                null,
                null);
        assertEquals(0L, confirmed.getTotal());
        List<TimelineListItem> listed =
                new QueryApi(client).listTimelines(null, 500, null, null).getItems();
        TimelineListItem mine = listed.stream()
                .filter(t -> t.getTimelineId().equals(timeline))
                .findFirst()
                .orElseThrow();
        assertEquals("Talks", mine.getTitle());
        assertEquals(List.of("ai"), mine.getTags());
    }

    private static NewEvent event(int day, Precision precision) {
        NewEvent event = new NewEvent();
        event.setType("meeting-held");
        event.setOccurredAt(OffsetDateTime.parse("2026-02-0" + day + "T10:00:00Z"));
        event.setOccurredAtPrecision(precision);
        event.setTitle("Meeting " + day);
        event.setData(Map.of("participants", List.of("us-dod", "anthropic")));
        event.setActors(List.of(
                new dev.annals.client.model.Actor().id("us-dod").name("DoD"),
                new dev.annals.client.model.Actor().id("anthropic").name("Anthropic")));
        return event;
    }
}
