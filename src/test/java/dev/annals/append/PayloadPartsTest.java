package dev.annals.append;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.annals.event.Actor;
import dev.annals.event.Precision;
import dev.annals.event.TimelineEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayloadPartsTest {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TimelineEvent event(long sequence, String title) throws Exception {
        JsonNode data = mapper.readTree("{\"sequence\":0,\"note\":\"\\\"sequence\\\":0,\"}");
        return new TimelineEvent(
                UUID.fromString("7d3f2c1e-9b8a-4c6d-8e5f-1a2b3c4d5e6f"),
                "sequence-0",
                sequence,
                "statement-issued",
                1,
                null,
                OffsetDateTime.parse("2026-02-26T18:00:00-05:00"),
                Precision.HOUR,
                OffsetDateTime.parse("2026-02-27T00:00:01.123456Z"),
                title,
                null,
                List.of(new Actor("a", "A", null)),
                List.of(),
                List.of("sequence"),
                data,
                null);
    }

    @Test
    void theSequenceGoesWhereTheSerialiserWouldPutIt() throws Exception {
        for (long sequence : new long[] {1, 9, 10, 4_000_000_000L}) {
            TimelineEvent event = event(sequence, "\"sequence\":0, in a title");
            PayloadParts parts = PayloadParts.of(mapper, event);
            assertEquals(mapper.writeValueAsString(event), parts.withSequence(sequence));
        }
    }

    @Test
    void theEventsOwnSequenceIsIgnored() throws Exception {
        assertEquals(PayloadParts.of(mapper, event(1, "t")), PayloadParts.of(mapper, event(77, "t")));
    }
}
