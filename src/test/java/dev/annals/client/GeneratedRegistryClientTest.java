package dev.annals.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.client.api.AppendApi;
import dev.annals.client.api.EventTypesApi;
import dev.annals.client.api.QueryApi;
import dev.annals.client.model.AppendResult;
import dev.annals.client.model.Event;
import dev.annals.client.model.EventType;
import dev.annals.client.model.EventTypeDefinition;
import dev.annals.client.model.NewEvent;
import dev.annals.client.model.Precision;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated Java client registers an event type, appends an event of it and reads it back, upcast. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class GeneratedRegistryClientTest {
    @TestHTTPResource("/")
    URL baseUrl;

    ApiClient client;

    @BeforeEach
    void client() {
        client = TestClients.withToken(baseUrl);
    }

    @Test
    void registersATypeAppendsAnEventOfItAndReadsItBack() throws Exception {
        EventTypesApi types = new EventTypesApi(client);
        String type = "verdict-" + UUID.randomUUID().toString().substring(0, 8);
        EventType registered =
                types.registerEventType(type, definition(Map.of("jury", Map.of("type", "string")), null));
        assertEquals(1, registered.getLatestVersion());

        String timeline = "client-court-" + UUID.randomUUID().toString().substring(0, 8);
        AppendResult appended = new AppendApi(client)
                .appendEvents(
                        timeline, List.of(event(type, Map.of("jury", "unanimous"))), null, null, null, null, null);
        UUID id = appended.getEvents().get(0).getId();

        Map<String, Object> renamed = Map.of("panel", Map.of("type", "string"));
        EventType second = types.registerEventType(
                type, definition(renamed, List.of(Map.of("op", "move", "from", "/jury", "path", "/panel"))));
        assertEquals(2, second.getLatestVersion());
        assertEquals(2, second.getVersions().size());

        Event read = new QueryApi(client).getEvent(id, null, appended.getPosition(), null);
        assertEquals(type, read.getType());
        assertEquals(2, read.getTypeVersion());
        assertEquals(1, read.getWrittenTypeVersion());
        assertEquals(Map.of("panel", "unanimous"), read.getData());

        Map<String, Object> schema = types.getEventTypeVersion(type, 1, null);
        assertEquals("object", schema.get("type"));
        assertTrue(types.listEventTypes(null, 500).getItems().stream()
                .anyMatch(t -> t.getType().equals(type)));

        EventType deprecated = types.deprecateEventType(type);
        assertTrue(deprecated.getDeprecated());
        ApiException refused = assertThrows(
                ApiException.class,
                () -> new AppendApi(client)
                        .appendEvents(
                                timeline,
                                List.of(event(type, Map.of("panel", "split"))),
                                null,
                                null,
                                null,
                                null,
                                null));
        assertEquals(422, refused.getCode());
        assertTrue(refused.getResponseBody().contains("deprecatedType"), refused.getResponseBody());
    }

    private static EventTypeDefinition definition(Map<String, Object> properties, List<Object> upcast) {
        EventTypeDefinition definition = new EventTypeDefinition();
        definition.setTitle("Verdict returned");
        definition.setDescription("A jury returns its verdict.");
        definition.setSchema(Map.of(
                "type",
                "object",
                "properties",
                properties,
                "required",
                List.copyOf(properties.keySet()),
                "additionalProperties",
                false));
        definition.setExamples(List.of(Map.of(properties.keySet().iterator().next(), "unanimous")));
        definition.setUpcast(upcast);
        return definition;
    }

    private static NewEvent event(String type, Map<String, Object> data) {
        NewEvent event = new NewEvent();
        event.setId(UUID.randomUUID());
        event.setType(type);
        event.setOccurredAt(OffsetDateTime.parse("2026-03-03T16:00:00-05:00"));
        event.setOccurredAtPrecision(Precision.MINUTE);
        event.setTitle("The verdict");
        event.setData(data);
        return event;
    }
}
