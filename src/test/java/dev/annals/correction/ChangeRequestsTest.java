package dev.annals.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.error.FieldError;
import dev.annals.error.Problem;
import dev.annals.error.ProblemException;
import dev.annals.error.ProblemType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeRequestsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final UUID ID = UUID.fromString("7d3f2c1e-9b8a-4c6d-8e5f-1a2b3c4d5e6f");

    @Test
    void aCorrectionBecomesAnEventCorrectedEventTitledByItsReason() throws Exception {
        JsonNode event = ChangeRequests.event(
                        ChangeKind.CORRECTED,
                        ID,
                        MAPPER.readTree("{\"changes\":{\"title\":\"x\"},\"reason\":\"wrong day\","
                                + "\"source\":{\"publisher\":\"AP\",\"reliability\":\"confirmed\"}}"))
                .get(0);
        assertEquals("event-corrected", event.get("type").asText());
        assertEquals("Correction: wrong day", event.get("title").asText());
        assertEquals(ID.toString(), event.at("/data/eventId").asText());
        assertEquals("x", event.at("/data/changes/title").asText());
        assertEquals("AP", event.at("/sources/0/publisher").asText());
    }

    @Test
    void unknownMembersAreRefused() throws Exception {
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> ChangeRequests.event(
                        ChangeKind.RETRACTED, ID, MAPPER.readTree("{\"reason\":\"r\",\"changes\":{}}")));
        assertEquals(400, e.problem().status());
        assertEquals("/changes", e.problem().errors().get(0).pointer());
    }

    @Test
    void pointersIntoTheAppendBecomePointersIntoTheBody() {
        ProblemException append = ProblemType.INVALID_EVENT.exception(
                "x",
                List.of(
                        FieldError.pointer("/0/data/changes/title", "minLength", "d"),
                        FieldError.pointer("/0/data/eventId", "notRetracted", "d"),
                        FieldError.pointer("/0/sources/0/url", "format", "d")));
        Problem body = ChangeRequests.inBody(append).problem();
        assertEquals("/changes/title", body.errors().get(0).pointer());
        assertEquals("eventId", body.errors().get(1).parameter());
        assertEquals("/source/url", body.errors().get(2).pointer());
    }
}
